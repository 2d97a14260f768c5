using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Services;

public sealed class NormalizationServiceTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private NormalizationService.NormalizationServiceClient Client => new(Fixture.Channel);

    public static TheoryData<string, OffsetEncoding, NormalizationProfile> Cases()
    {
        var data = new TheoryData<string, OffsetEncoding, NormalizationProfile>();
        foreach (string text in Texts.All)
        {
            foreach (OffsetEncoding encoding in Offsets.AllEncodings)
            {
                data.Add(text, encoding, NormalizationProfile.Search);
            }

            data.Add(text, OffsetEncoding.Utf16, NormalizationProfile.Display);
            data.Add(text, OffsetEncoding.Unspecified, NormalizationProfile.None);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Normalize_EditsRebuildTheNormalizedText_InEveryEncoding(string text, OffsetEncoding encoding, NormalizationProfile profile)
    {
        NormalizeResponse response = await Client.NormalizeAsync(
            new NormalizeRequest
            {
                Document = new Document { Id = "doc", Text = text },
                Options = new V1.NormalizationOptions { Profile = profile },
                OffsetEncoding = encoding,
            },
            Call());

        Assert.Equal("doc", response.DocumentId);
        Assert.False(string.IsNullOrEmpty(response.Language));
        Assert.Equal(profile, response.Applied.Profile);
        Assert.Equal(Rebuild(text, response.NormalizedText, response.Edits, encoding), response.NormalizedText);
        if (profile == NormalizationProfile.None)
        {
            Assert.Equal(text, response.NormalizedText);
        }
    }

    [Fact]
    public async Task Normalize_Search_RemovesDiacriticsAndTatweel()
    {
        NormalizeResponse response = await Client.NormalizeAsync(
            new NormalizeRequest
            {
                Document = new Document { Text = "كَتَبَ جـــداً" },
                Options = new V1.NormalizationOptions { Profile = NormalizationProfile.Search },
            },
            Call());
        Assert.Equal("كتب جدا", response.NormalizedText);
        Assert.True(response.Applied.RemoveDiacritics);
    }

    [Theory]
    [InlineData(NormalizationProfile.Lucene, "ٱلطالب الي مدرسه ک\u200F قال")]
    [InlineData(NormalizationProfile.CamelArclean, "الطالب إلى مدرسة ك  قال")]
    public async Task Normalize_PeerProfiles(NormalizationProfile profile, string expected)
    {
        NormalizeResponse response = await Client.NormalizeAsync(
            new NormalizeRequest
            {
                Document = new Document { Text = "ٱلطَّالِب إِلَى مدرسة ک‏ قـال" },
                Options = new V1.NormalizationOptions { Profile = profile },
            },
            Call());
        Assert.Equal(expected, response.NormalizedText);
        Assert.Equal(profile, response.Applied.Profile);
    }

    [Fact]
    public async Task Normalize_AppliedReportsEveryResolvedOption()
    {
        NormalizeResponse response = await Client.NormalizeAsync(
            new NormalizeRequest
            {
                Document = new Document { Text = "سؤال… ٱ" },
                Options = new V1.NormalizationOptions
                {
                    Profile = NormalizationProfile.Lucene,
                    NormalizeHamzaCarriers = true,
                    FoldEllipsis = true,
                    DiacriticSet = DiacriticSet.Full,
                },
            },
            Call());
        Assert.Equal("سوال... ٱ", response.NormalizedText);
        AppliedNormalization applied = response.Applied;
        Assert.True(applied.NormalizeHamzaCarriers);
        Assert.True(applied.FoldEllipsis);
        Assert.Equal(DiacriticSet.Full, applied.DiacriticSet);
        Assert.True(applied.NormalizeAlef);
        Assert.False(applied.NormalizeAlefWasla);
        Assert.False(applied.FoldQuotes);
        Assert.True(applied.KeepJoiners);
        Assert.Equal(CharacterMap.None, applied.CharacterMap);
        Assert.Equal(UnicodeForm.None, applied.UnicodeForm);
    }

    [Fact]
    public async Task Normalize_OverrideWinsOverProfile()
    {
        NormalizeResponse response = await Client.NormalizeAsync(
            new NormalizeRequest
            {
                Document = new Document { Text = "ABC" },
                Options = new V1.NormalizationOptions { Profile = NormalizationProfile.Search, CaseFold = false },
            },
            Call());
        Assert.Equal("ABC", response.NormalizedText);
        Assert.False(response.Applied.CaseFold);
    }

    [Theory]
    [InlineData(OffsetEncoding.Utf8, 1)]
    [InlineData(OffsetEncoding.Utf16, 2)]
    [InlineData(OffsetEncoding.CodePoint, 3)]
    public async Task StreamNormalize_EqualsUnary_UnderRandomChunking(OffsetEncoding encoding, int seed)
    {
        var random = new Random(seed);
        foreach (string text in Texts.All)
        {
            for (int round = 0; round < 3; round++)
            {
                NormalizeResponse unary = await Client.NormalizeAsync(
                    new NormalizeRequest
                    {
                        Document = new Document { Text = text },
                        Options = new V1.NormalizationOptions { Profile = NormalizationProfile.Search },
                        OffsetEncoding = encoding,
                    },
                    Call());

                using AsyncDuplexStreamingCall<StreamNormalizeRequest, StreamNormalizeResponse> call = Client.StreamNormalize(Call());
                await call.RequestStream.WriteAsync(new StreamNormalizeRequest
                {
                    Config = new StreamNormalizeConfig
                    {
                        Options = new V1.NormalizationOptions { Profile = NormalizationProfile.Search },
                        OffsetEncoding = encoding,
                    },
                });
                foreach (string chunk in Offsets.RandomChunks(text, random))
                {
                    await call.RequestStream.WriteAsync(new StreamNormalizeRequest { Text = chunk });
                }

                await call.RequestStream.CompleteAsync();
                string normalized = string.Empty;
                var edits = new List<V1.TextEdit>();
                long consumed = 0;
                await foreach (StreamNormalizeResponse piece in call.ResponseStream.ReadAllAsync())
                {
                    normalized += piece.NormalizedText;
                    edits.AddRange(piece.Edits);
                    Assert.True(piece.OriginalConsumed >= consumed);
                    consumed = piece.OriginalConsumed;
                }

                Assert.Equal(unary.NormalizedText, normalized);
                Assert.Equal(unary.Edits, edits);
                Assert.Equal(Offsets.Length(text, encoding), consumed);
            }
        }
    }

    /// <summary>Applies the edits to the original: unchanged text between edits, replacements inside.</summary>
    private static string Rebuild(string original, string normalized, IEnumerable<V1.TextEdit> edits, OffsetEncoding encoding)
    {
        var builder = new System.Text.StringBuilder();
        long originalAt = 0;
        long normalizedAt = 0;
        foreach (V1.TextEdit edit in edits)
        {
            Assert.True(edit.Original.Begin >= originalAt, "edits must be in order");
            string kept = Offsets.Slice(original, new V1.TextSpan { Begin = originalAt, End = edit.Original.Begin }, encoding);
            Assert.Equal(kept, Offsets.Slice(normalized, new V1.TextSpan { Begin = normalizedAt, End = edit.Normalized.Begin }, encoding));
            builder.Append(kept).Append(Offsets.Slice(normalized, edit.Normalized, encoding));
            originalAt = edit.Original.End;
            normalizedAt = edit.Normalized.End;
        }

        builder.Append(Offsets.Slice(original, new V1.TextSpan { Begin = originalAt, End = Offsets.Length(original, encoding) }, encoding));
        return builder.ToString();
    }
}
