namespace Leibniz.Nn.Tests.Serialization;

public sealed class Crc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void MatchesPublishedCheckValues(string text, uint expected) =>
        Assert.Equal(expected, Crc32.Compute(System.Text.Encoding.ASCII.GetBytes(text)));
}
