using GrpcNlp.Core.Text;
using GrpcNlp.Server.Mapping;
using GrpcNlp.Server.Tests.Infrastructure;

namespace GrpcNlp.Server.Tests.Mapping;

public sealed class OffsetCursorTests
{
    [Theory]
    [InlineData(OffsetUnit.Utf16)]
    [InlineData(OffsetUnit.Utf8)]
    [InlineData(OffsetUnit.CodePoint)]
    public void Offset_EqualsTheConverter_AtEveryIndex_InAnyOrder(OffsetUnit unit)
    {
        // Pairs, a lone high and a lone low surrogate, a pair at the very end, Arabic, ASCII.
        string text = "a\U0001F600b\uD800c\uDC00كَتَبَ\U0001F44D";
        var converter = new OffsetConverter(text);
        var cursor = new OffsetCursor(text, unit, 100);
        int[] ascending = [.. Enumerable.Range(0, text.Length + 1)];
        foreach (int index in ascending.Concat(ascending.Reverse()).Concat([3, 3, 0, text.Length, 2]))
        {
            Assert.Equal(100 + converter.Convert(index, unit), cursor.Offset(index));
        }
    }

    [Theory]
    [InlineData(OffsetUnit.Utf8)]
    [InlineData(OffsetUnit.CodePoint)]
    public void Count_EqualsTheConverter_OnGeneratedText(OffsetUnit unit)
    {
        var random = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            string text = TextGenerator.Next(random, 12);
            if (random.Next(4) == 0)
            {
                text = text.Insert(random.Next(text.Length + 1), random.Next(2) == 0 ? "\uD83D" : "\uDE00");
            }

            Assert.Equal(new OffsetConverter(text).Convert(text.Length, unit), OffsetCursor.Count(text, unit));
        }
    }

    [Fact]
    public void Count_Utf8_EqualsTheConverter_ForEveryBmpChar_AndShortMixedStretches()
    {
        // Short stretches are counted by a loop of their own, longer ones by the encoder.
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string text = ((char)c).ToString();
            Assert.Equal(new OffsetConverter(text).Convert(1, OffsetUnit.Utf8), OffsetCursor.Count(text, OffsetUnit.Utf8));
        }

        char[] alphabet = ['a', ' ', '\u00E9', '\u0643', '\u064E', '\u20AC', '\uFFFD', '\uD83D', '\uDE00'];
        var random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            string text = new([.. Enumerable.Range(0, random.Next(20)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(new OffsetConverter(text).Convert(text.Length, OffsetUnit.Utf8), OffsetCursor.Count(text, OffsetUnit.Utf8));
        }
    }

    [Fact]
    public void Offset_OutsideThePiece_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OffsetCursor("ab", OffsetUnit.Utf8, 0).Offset(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OffsetCursor("ab", OffsetUnit.Utf8, 0).Offset(-1));
    }
}
