using System.Buffers.Binary;

namespace Leibniz.Nn.Tests.Serialization;

public sealed class ParameterFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("leibniz-params-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Sequential Mlp(int seed, int hidden = 8, DType dtype = DType.Float32)
    {
        var random = new Random(seed);
        return new Sequential(
            new Linear(3, hidden, random: random, dtype: dtype), new Tanh(), new Linear(hidden, 1, random: random, dtype: dtype));
    }

    private static double[][] Values(Module model) => [.. model.Parameters().Select(p => p.ToArray())];

    private string SavedFile(Module model)
    {
        var path = Path.Combine(_directory, "model.lzp");
        model.SaveParameters(path);
        return path;
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void RoundTripIsBitExact(DType dtype)
    {
        var source = Mlp(1, dtype: dtype);
        var target = Mlp(2, dtype: dtype);
        Assert.NotEqual(Values(source), Values(target));

        target.LoadParameters(SavedFile(source));

        Assert.Equal(
            source.Parameters().SelectMany(p => p.ToArray()).Select(BitConverter.DoubleToInt64Bits),
            target.Parameters().SelectMany(p => p.ToArray()).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void LayoutIsTheDocumentedOne()
    {
        var model = new Linear(2, 1, random: new Random(3));
        var bytes = File.ReadAllBytes(SavedFile(model));

        Assert.Equal("LZPARAMS"u8.ToArray(), bytes[..8]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(6, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(16)));
        Assert.Equal("weight"u8.ToArray(), bytes[18..24]);
        Assert.Equal([0, 2], bytes[24..26]);
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(26)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(30)));
        Assert.Equal((float)model.Weight[0, 0], BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(34)));
        Assert.Equal(16 + (2 + 6 + 2 + 8 + 8) + (2 + 4 + 2 + 4 + 4) + 4, bytes.Length);
        Assert.Equal(Crc32.Compute(bytes.AsSpan(0, bytes.Length - 4)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)));
    }

    [Fact]
    public void EveryTruncationIsRejectedAndLeavesTheModelUnchanged()
    {
        var bytes = File.ReadAllBytes(SavedFile(Mlp(1)));
        var target = Mlp(2);
        var before = Values(target);
        var path = Path.Combine(_directory, "truncated.lzp");
        for (var length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(path, bytes[..length]);
            var e = Assert.Throws<ParameterFileException>(() => target.LoadParameters(path));
            Assert.Equal(path, e.FilePath);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Values(target));
    }

    [Fact]
    public void EveryBitFlipIsRejectedAndLeavesTheModelUnchanged()
    {
        var bytes = File.ReadAllBytes(SavedFile(Mlp(1, hidden: 2)));
        var target = Mlp(2, hidden: 2);
        var before = Values(target);
        var path = Path.Combine(_directory, "flipped.lzp");
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[bit / 8] ^= (byte)(1 << (bit % 8));
            File.WriteAllBytes(path, corrupted);
            Assert.Throws<ParameterFileException>(() => target.LoadParameters(path));
        }

        Assert.Equal(before, Values(target));
    }

    [Fact]
    public void CorruptedDataIsReportedAsAChecksumMismatch()
    {
        var path = SavedFile(Mlp(1));
        var bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<ParameterFileException>(() => Mlp(2).LoadParameters(path));
        Assert.Contains("corrupted", e.Message, StringComparison.Ordinal);
        Assert.Contains("CRC-32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedFileSaysSo()
    {
        var path = SavedFile(Mlp(1));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.Contains("truncated", Assert.Throws<ParameterFileException>(() => Mlp(2).LoadParameters(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongMagicIsRejected()
    {
        var path = Path.Combine(_directory, "model.csv");
        File.WriteAllText(path, "a,b,c\n1,2,3\n4,5,6\n");

        var e = Assert.Throws<ParameterFileException>(() => Mlp(2).LoadParameters(path));
        Assert.Contains("not a Leibniz parameter file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherVersionIsRejectedEvenWithAValidChecksum()
    {
        var path = SavedFile(Mlp(1));
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32.Compute(bytes.AsSpan(0, bytes.Length - 4)));
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<ParameterFileException>(() => Mlp(2).LoadParameters(path));
        Assert.Contains("version 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapeMismatchNamesTheParameterAndBothShapes()
    {
        var path = SavedFile(Mlp(1, hidden: 8));
        var target = Mlp(2, hidden: 16);
        var before = Values(target);

        var e = Assert.Throws<ParameterFileException>(() => target.LoadParameters(path));
        Assert.Contains("'0.weight' Float32 [8, 3] in the file but '0.weight' Float32 [16, 3] in the model", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Values(target));
    }

    [Fact]
    public void ElementTypeAndParameterCountMismatchesAreRejected()
    {
        var path = SavedFile(Mlp(1));
        Assert.Contains("Float64", Assert.Throws<ParameterFileException>(() => Mlp(2, dtype: DType.Float64).LoadParameters(path)).Message, StringComparison.Ordinal);
        Assert.Contains(
            "holds 4 parameters but the model has 2",
            Assert.Throws<ParameterFileException>(() => new Linear(3, 8).LoadParameters(path)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsFileNotFound()
    {
        var path = Path.Combine(_directory, "absent.lzp");
        Assert.Equal(path, Assert.Throws<FileNotFoundException>(() => Mlp(1).LoadParameters(path)).FileName);
    }

    [Fact]
    public void SavingReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var path = SavedFile(Mlp(1));
        Mlp(3).SaveParameters(path);
        var loaded = Mlp(2);
        loaded.LoadParameters(path);

        Assert.Equal(Values(Mlp(3)), Values(loaded));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }
}
