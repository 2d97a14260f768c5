using System.Text;

namespace GrpcNlp.Cli.Output;

/// <summary>
/// A plain-text table: columns padded to their widest cell, no colour and no box drawing, so it
/// reads the same on a terminal, in a file and through a pipe.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int RowCount => _rows.Count;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(Array.ConvertAll(cells, Clean));
    }

    public void Write(TextWriter output, string indent = "")
    {
        int[] widths = new int[headers.Length];
        for (int column = 0; column < headers.Length; column++)
        {
            widths[column] = headers[column].Length;
            foreach (string[] row in _rows)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

        WriteRow(output, indent, headers, widths);
        foreach (string[] row in _rows)
        {
            WriteRow(output, indent, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string indent, string[] cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (int column = 0; column < cells.Length; column++)
        {
            bool last = column == cells.Length - 1;
            line.Append(last ? cells[column] : cells[column].PadRight(widths[column]));
            if (!last)
            {
                line.Append("  ");
            }
        }

        output.WriteLine(line.ToString().TrimEnd());
    }

    /// <summary>Makes a cell one line: line breaks and tabs would break the columns.</summary>
    internal static string Clean(string cell)
    {
        if (cell.AsSpan().IndexOfAny("\r\n\t") < 0)
        {
            return cell;
        }

        var builder = new StringBuilder(cell.Length);
        foreach (char c in cell)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
