namespace Leibniz.Nn;

/// <summary>
/// CRC-32 as in zlib, PNG and Ethernet (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF):
/// <c>Compute("123456789"u8) == 0xCBF43926</c>. Written here to avoid a package for thirty lines.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
