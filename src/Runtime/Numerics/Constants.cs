namespace Leibniz;

/// <summary>Mathematical constants the derivative rules need, to full double precision.</summary>
internal static class Constants
{
    internal const double Ln2 = 0.693147180559945309417232121458176568;
    internal const double Ln10 = 2.30258509299404568401799145468436421;
}
