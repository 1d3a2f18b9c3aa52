using System.Text;

namespace Leibniz.Generator.Emit;

/// <summary>A minimal indented text writer with "\n" line endings on every platform.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>Where the next line starts, for <see cref="RemoveLine"/>.</summary>
    public int Position => _text.Length;

    /// <summary>Removes the line that starts at <paramref name="position"/> (taken with <see cref="Position"/>; remove later lines first).</summary>
    public void RemoveLine(int position)
    {
        var end = position;
        while (_text[end] != '\n')
        {
            end++;
        }

        _text.Remove(position, end - position + 1);
    }

    public override string ToString() => _text.ToString();
}
