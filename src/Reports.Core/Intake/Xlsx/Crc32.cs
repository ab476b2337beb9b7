namespace Reports.Intake.Xlsx;

/// <summary>The zip checksum (CRC-32, polynomial 0xEDB88320), to tell a damaged part from a good one.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = MakeTable();

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }
            table[i] = c;
        }
        return table;
    }

    /// <summary>Continues a running CRC (start with 0xFFFFFFFF, finish with ~).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> bytes)
    {
        var table = Table;
        foreach (var b in bytes)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc;
    }
}
