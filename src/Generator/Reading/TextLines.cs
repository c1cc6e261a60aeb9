using System;
using System.Collections.Generic;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// The lines of a spec's text, to keep every diagnostic inside the file: a position past the last line or past the end
/// of its line is moved back to the nearest place that exists (the end of the file at worst).
/// </summary>
internal sealed class TextLines
{
    private readonly List<int> _starts = new() { 0 };
    private readonly string _text;

    public TextLines(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) _starts.Add(i + 1);
        }
    }

    public int Count => _starts.Count;

    /// <summary>The number of characters on a line, without its line break.</summary>
    public int LengthOf(int line)
    {
        var start = _starts[line];
        var end = line + 1 < _starts.Count ? _starts[line + 1] : _text.Length;
        while (end > start && _text[end - 1] is '\n' or '\r') end--;
        return end - start;
    }

    /// <summary>
    /// The position, moved onto a character of the text: a line past the end becomes the last line that has text, a
    /// column past the end of its line the line's last character. The length is cut to what is left of the line.
    /// </summary>
    public TextPosition Clamp(TextPosition position)
    {
        var line = Math.Max(0, position.Line);
        var column = Math.Max(0, position.Column);
        if (line >= _starts.Count)
        {
            line = _starts.Count - 1;
            column = int.MaxValue;
        }

        // An empty line at the end of the file (after its last line break) holds no character: use the line before.
        while (line > 0 && line == _starts.Count - 1 && LengthOf(line) == 0)
        {
            line--;
            column = int.MaxValue;
        }

        var length = LengthOf(line);
        if (column >= length) column = Math.Max(0, length - 1);
        var span = Math.Max(1, Math.Min(Math.Max(1, position.Length), length - column));
        return new TextPosition(line, column, span);
    }

    /// <summary>The position of a character offset in the text.</summary>
    public TextPosition At(int offset, int length = 1)
    {
        offset = Math.Max(0, Math.Min(offset, _text.Length));
        var index = _starts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return Clamp(new TextPosition(line, offset - _starts[line], length));
    }
}
