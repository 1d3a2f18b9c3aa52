using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Leibniz.Nn;

/// <summary>
/// Encodes tensors in the parameter file format (version 1, all integers and floats little-endian):
/// <code>
/// offset  size           field
/// 0       8              magic, the ASCII bytes "LZPARAMS"
/// 8       4              format version, uint32 = 1
/// 12      4              parameter count N, uint32
/// then N times, in the order of Module.NamedParameters():
///         2              name length L in bytes, uint16
///         L              name, UTF-8 (e.g. "0.weight")
///         1              element type: 0 = float32, 1 = float64
///         1              rank r: 0, 1 or 2
///         4·r            dimensions, int32 each
///         (4 or 8)·len   elements in row-major order (len = product of the dimensions; 1 for rank 0)
/// end-4   4              CRC-32 (zlib/PNG) of every preceding byte, uint32
/// </code>
/// </summary>
internal static class ParameterCodec
{
    public const uint Version = 1;
    private const int HeaderLength = 16;
    private const int ChecksumLength = 4;
    private static readonly byte[] Magic = "LZPARAMS"u8.ToArray();

    public static byte[] Encode(IReadOnlyList<(string Name, Tensor Parameter)> parameters)
    {
        var length = HeaderLength + ChecksumLength;
        foreach (var (name, p) in parameters)
        {
            length += 2 + NameLength(name) + 2 + (4 * p.Rank) + (p.Length * ElementSize(p.DType));
        }

        var bytes = new byte[length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)parameters.Count);
        var offset = HeaderLength;
        foreach (var (name, p) in parameters)
        {
            var nameLength = NameLength(name);
            BinaryPrimitives.WriteUInt16LittleEndian(span[offset..], (ushort)nameLength);
            offset += 2 + Encoding.UTF8.GetBytes(name, span[(offset + 2)..]);
            span[offset++] = p.DType == DType.Float32 ? (byte)0 : (byte)1;
            span[offset++] = (byte)p.Rank;
            foreach (var dimension in p.Shape)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[offset..], dimension);
                offset += 4;
            }

            offset += p.DType == DType.Float32
                ? WriteElements<float>(p.AsSpan<float>(), span[offset..])
                : WriteElements<double>(p.AsSpan<double>(), span[offset..]);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], Crc32.Compute(span[..offset]));
        return bytes;
    }

    /// <summary>
    /// Checks everything — magic, version, structure, checksum, and that every stored shape and element type matches
    /// <paramref name="parameters"/> — and only then copies the values in, so a bad file changes nothing.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> bytes, string filePath, IReadOnlyList<(string Name, Tensor Parameter)> parameters)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new ParameterFileException(filePath, "It is not a Leibniz parameter file (the first 8 bytes are not \"LZPARAMS\").");
        }

        if (bytes.Length < HeaderLength + ChecksumLength)
        {
            throw Fail(filePath, $"It is truncated: {bytes.Length} bytes is shorter than the {HeaderLength + ChecksumLength}-byte header and checksum.");
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (version != Version)
        {
            throw Fail(filePath, $"It has format version {version}; this library reads version {Version}.");
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^ChecksumLength..]);
        var computed = Crc32.Compute(bytes[..^ChecksumLength]);
        var entries = ReadEntries(bytes, out var structureProblem);
        if (stored != computed)
        {
            var why = structureProblem is null
                ? "It is corrupted"
                : $"It is truncated or corrupted ({structureProblem})";
            throw Fail(filePath, $"{why}: its CRC-32 is 0x{computed:X8} but 0x{stored:X8} is stored.");
        }

        if (structureProblem is not null)
        {
            throw Fail(filePath, $"It is malformed: {structureProblem}.");
        }

        if (entries.Count != parameters.Count)
        {
            throw Fail(filePath, $"It holds {entries.Count} parameters but the model has {parameters.Count}.");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var (name, dtype, shape, _) = entries[i];
            var (expectedName, expected) = parameters[i];
            if (name != expectedName || dtype != expected.DType || !shape.AsSpan().SequenceEqual(expected.Shape))
            {
                throw Fail(
                    filePath,
                    $"Parameter {i} is '{name}' {dtype} {ShapeText(shape)} in the file but '{expectedName}' {expected.DType} {ShapeText(expected.Shape)} in the model.");
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var data = bytes[entries[i].Offset..];
            var parameter = parameters[i].Parameter;
            if (entries[i].DType == DType.Float32)
            {
                ReadElements(data, parameter.AsSpan<float>());
            }
            else
            {
                ReadElements(data, parameter.AsSpan<double>());
            }
        }
    }

    private static List<(string Name, DType DType, int[] Shape, int Offset)> ReadEntries(ReadOnlySpan<byte> bytes, out string? problem)
    {
        var entries = new List<(string, DType, int[], int)>();
        var end = bytes.Length - ChecksumLength;
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        var offset = HeaderLength;
        for (var i = 0u; i < count; i++)
        {
            if (end - offset < 2)
            {
                problem = Invariant($"parameter {i} of {count} starts past the end of the data");
                return entries;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
            offset += 2;
            if (end - offset < nameLength + 2)
            {
                problem = Invariant($"the name of parameter {i} of {count} runs past the end of the data");
                return entries;
            }

            var name = Encoding.UTF8.GetString(bytes.Slice(offset, nameLength));
            offset += nameLength;
            var dtypeCode = bytes[offset];
            var rank = bytes[offset + 1];
            offset += 2;
            if (dtypeCode > 1 || rank > 2)
            {
                problem = Invariant($"parameter {i} has element type code {dtypeCode} and rank {rank}; expected 0..1 and 0..2");
                return entries;
            }

            if (end - offset < 4 * rank)
            {
                problem = Invariant($"the shape of parameter {i} runs past the end of the data");
                return entries;
            }

            var shape = new int[rank];
            long elements = 1;
            for (var d = 0; d < rank; d++)
            {
                shape[d] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + (4 * d))..]);
                elements *= Math.Max(shape[d], 0);
            }

            offset += 4 * rank;
            var dtype = dtypeCode == 0 ? DType.Float32 : DType.Float64;
            var dataLength = elements * ElementSize(dtype);
            if (shape.Any(d => d < 0) || dataLength > end - offset)
            {
                problem = Invariant($"the {elements} elements of parameter {i}, shape {ShapeText(shape)}, run past the end of the data");
                return entries;
            }

            entries.Add((name, dtype, shape, offset));
            offset += (int)dataLength;
        }

        problem = offset == end ? null : Invariant($"{end - offset} bytes follow the last of the {count} parameters");
        return entries;
    }

    private static int WriteElements<T>(ReadOnlySpan<T> values, Span<byte> destination)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        bytes.CopyTo(destination);
        if (!BitConverter.IsLittleEndian && values.Length > 0)
        {
            ReverseEach(destination[..bytes.Length], bytes.Length / values.Length);
        }

        return bytes.Length;
    }

    private static void ReadElements<T>(ReadOnlySpan<byte> source, Span<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        source[..bytes.Length].CopyTo(bytes);
        if (!BitConverter.IsLittleEndian && values.Length > 0)
        {
            ReverseEach(bytes, bytes.Length / values.Length);
        }
    }

    private static void ReverseEach(Span<byte> bytes, int size)
    {
        for (var i = 0; i < bytes.Length; i += size)
        {
            bytes.Slice(i, size).Reverse();
        }
    }

    private static int NameLength(string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        return length <= ushort.MaxValue
            ? length
            : throw new ArgumentException(Invariant($"The parameter name '{name[..40]}…' is longer than {ushort.MaxValue} UTF-8 bytes."), nameof(name));
    }

    private static int ElementSize(DType dtype) => dtype == DType.Float32 ? 4 : 8;

    private static string ShapeText(int[] shape) => "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    private static ParameterFileException Fail(string filePath, FormattableString problem) =>
        new(filePath, problem.ToString(CultureInfo.InvariantCulture));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
