using System.Text;

namespace GrpcNlp.Server.Tests.Infrastructure;

/// <summary>Generates short texts from pieces that stress alignment: marks, tatweel, emoji, ZWJ, mixed digits.</summary>
public static class TextGenerator
{
    private static readonly string[] s_pieces =
    [
        "كتب", "كَتَبَ", "الـــعربية", "إلى", "مدرسة", "١٢٣", "٣٫٥", "123", "1,400",
        "word", "Don't", "e\u0301", "CAFÉ", "👍", "👩🏽‍💻", "🇪🇬", "\u200C", "\u200F",
        " ", " ", " ", "  ", "\n", ".", "،", "!", "؟", "#tag", "@user", "a@b.org", "https://x.org/a",
    ];

    public static string Next(Random random, int pieces)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            builder.Append(s_pieces[random.Next(s_pieces.Length)]);
        }

        return builder.ToString();
    }
}
