using GrpcNlp.Core.Text;
using GrpcNlp.Server.Mapping;

namespace GrpcNlp.Server.Tests.Mapping;

public sealed class SpanMapperTests
{
    [Theory]
    [InlineData(OffsetUnit.Utf16, 11, 13, 4)]
    [InlineData(OffsetUnit.Utf8, 11, 15, 6)]
    [InlineData(OffsetUnit.CodePoint, 11, 12, 3)]
    public void Map_ConvertsThePieceAndAddsTheBase(OffsetUnit unit, long begin, long end, long length)
    {
        // "a", an emoji (a surrogate pair) and "b", as a piece that starts at offset 10 of a stream.
        var mapper = new SpanMapper("a\U0001F600b", unit, unitBase: 10);

        V1.TextSpan span = mapper.Map(new TextSpan(1, 3));

        Assert.Equal(begin, span.Begin);
        Assert.Equal(end, span.End);
        Assert.Equal(length, mapper.UnitLength);
    }

    [Fact]
    public void Map_ArabicWithDiacritics_CountsTwoUtf8BytesPerCodeUnit()
    {
        var mapper = new SpanMapper("كَتَبَ", OffsetUnit.Utf8);
        Assert.Equal(12, mapper.UnitLength);
        Assert.Equal(4, mapper.Map(new TextSpan(0, 2)).End);
    }

    [Fact]
    public void EmptyPiece_HasZeroLength()
        => Assert.Equal(0, new SpanMapper(string.Empty, OffsetUnit.Utf8, 42).UnitLength);

    [Theory]
    [InlineData(GrpcNlp.V1.OffsetEncoding.Unspecified, OffsetUnit.Utf8)]
    [InlineData(GrpcNlp.V1.OffsetEncoding.Utf8, OffsetUnit.Utf8)]
    [InlineData(GrpcNlp.V1.OffsetEncoding.Utf16, OffsetUnit.Utf16)]
    [InlineData(GrpcNlp.V1.OffsetEncoding.CodePoint, OffsetUnit.CodePoint)]
    public void ToUnit_UnspecifiedIsUtf8(GrpcNlp.V1.OffsetEncoding encoding, OffsetUnit unit)
        => Assert.Equal(unit, ProtoMapper.ToUnit(encoding));
}
