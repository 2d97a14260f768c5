using System.Text;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Infrastructure;

/// <summary>An independent slicer: what a Go, C# or Python client would do with a span.</summary>
public static class Offsets
{
    public static readonly OffsetEncoding[] AllEncodings = [OffsetEncoding.Utf8, OffsetEncoding.Utf16, OffsetEncoding.CodePoint];

    public static string Slice(string text, TextSpan span, OffsetEncoding encoding)
    {
        Assert.True(span.Begin >= 0 && span.Begin <= span.End, $"bad span [{span.Begin}, {span.End})");
        switch (encoding)
        {
            case OffsetEncoding.Utf16:
                Assert.True(span.End <= text.Length, $"span end {span.End} past {text.Length}");
                return text.Substring((int)span.Begin, (int)(span.End - span.Begin));
            case OffsetEncoding.CodePoint:
                {
                    Rune[] runes = [.. text.EnumerateRunes()];
                    Assert.True(span.End <= runes.Length, $"span end {span.End} past {runes.Length} code points");
                    var builder = new StringBuilder();
                    for (long i = span.Begin; i < span.End; i++)
                    {
                        builder.Append(runes[i].ToString());
                    }

                    return builder.ToString();
                }

            default:
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(text);
                    Assert.True(span.End <= bytes.Length, $"span end {span.End} past {bytes.Length} bytes");
                    return Encoding.UTF8.GetString(bytes, (int)span.Begin, (int)(span.End - span.Begin));
                }
        }
    }

    public static long Length(string text, OffsetEncoding encoding) => encoding switch
    {
        OffsetEncoding.Utf16 => text.Length,
        OffsetEncoding.CodePoint => text.EnumerateRunes().Count(),
        _ => Encoding.UTF8.GetByteCount(text),
    };

    /// <summary>Cuts a text at random code point boundaries (protobuf strings must be valid UTF-8).</summary>
    public static List<string> RandomChunks(string text, Random random, int maxChunk = 7)
    {
        var chunks = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int length = Math.Min(text.Length - i, random.Next(1, maxChunk + 1));
            if (char.IsHighSurrogate(text[i + length - 1]) && i + length < text.Length)
            {
                length++;
            }

            chunks.Add(text.Substring(i, length));
            i += length;
        }

        return chunks;
    }
}
