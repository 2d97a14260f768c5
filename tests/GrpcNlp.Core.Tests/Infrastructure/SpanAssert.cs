using System.Text;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Infrastructure;

/// <summary>Checks that spans slice a text consistently in UTF-16, UTF-8 and code points.</summary>
public static class SpanAssert
{
    /// <summary>
    /// Asserts that <paramref name="span"/> slices <paramref name="text"/> to <paramref name="expected"/>
    /// and that the same span converted to UTF-8 bytes and to code points slices the same text.
    /// </summary>
    public static void Slices(string text, TextSpan span, string expected)
    {
        Assert.InRange(span.Start, 0, text.Length);
        Assert.InRange(span.End, span.Start, text.Length);
        Assert.Equal(expected, text[span.Start..span.End]);

        var converter = new OffsetConverter(text);
        int byteStart = converter.Convert(span.Start, OffsetUnit.Utf8);
        int byteEnd = converter.Convert(span.End, OffsetUnit.Utf8);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), utf8[byteStart..byteEnd]);

        int pointStart = converter.Convert(span.Start, OffsetUnit.CodePoint);
        int pointEnd = converter.Convert(span.End, OffsetUnit.CodePoint);
        Assert.Equal(CodePoints(expected), CodePoints(text)[pointStart..pointEnd]);

        foreach (OffsetUnit unit in Enum.GetValues<OffsetUnit>())
        {
            Assert.Equal(span.Start, converter.ToUtf16(converter.Convert(span.Start, unit), unit));
            Assert.Equal(span.End, converter.ToUtf16(converter.Convert(span.End, unit), unit));
        }
    }

    /// <summary>Asserts <see cref="Slices"/> for every span against the text it is reported to cover.</summary>
    public static void AllSlice(string text, IEnumerable<(TextSpan Span, string Expected)> spans)
    {
        foreach ((TextSpan span, string expected) in spans)
        {
            Slices(text, span, expected);
        }
    }

    private static int[] CodePoints(string text)
    {
        var points = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                points.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                points.Add(char.IsSurrogate(text[i]) ? 0xFFFD : text[i]);
            }
        }

        return [.. points];
    }
}
