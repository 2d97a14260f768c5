using CoreSummarization = GrpcNlp.Core.Summarization;

namespace GrpcNlp.Server.Mapping;

// Summary options.
internal static partial class ProtoMapper
{
    /// <summary>Core summary options; zero values take the documented defaults.</summary>
    public static CoreSummarization.SummaryOptions ToCore(V1.SummarizeOptions? options)
    {
        var defaults = new CoreSummarization.SummaryOptions();
        if (options is null)
        {
            return defaults;
        }

        return new CoreSummarization.SummaryOptions
        {
            MaxSentences = options.MaxSentences == 0 ? defaults.MaxSentences : options.MaxSentences,
            Ratio = options.Ratio,
            MaxCharacters = options.MaxCharacters,
            Order = options.Order == V1.SummaryOrder.Score ? CoreSummarization.SummaryOrder.Score : CoreSummarization.SummaryOrder.Document,
            RedundancyWeight = options.RedundancyWeight == 0f ? defaults.RedundancyWeight : options.RedundancyWeight,
            KeyphraseCount = options.KeyphraseCount,
        };
    }
}
