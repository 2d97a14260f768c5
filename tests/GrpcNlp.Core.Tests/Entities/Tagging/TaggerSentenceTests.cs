using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Entities.Tagging;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class TaggerSentenceTests
{
    private static readonly NameList s_names = new([("سامر حداد", 0), ("قاهره", 1)]);

    private static ulong[][] AllFeatures(TaggerSentence sentence)
    {
        var all = new ulong[sentence.Count][];
        Span<ulong> buffer = stackalloc ulong[FeatureExtractor.MaxFeatures];
        for (int i = 0; i < sentence.Count; i++)
        {
            all[i] = buffer[..FeatureExtractor.Extract(sentence, i, buffer)].ToArray();
        }

        return all;
    }

    [Fact]
    public void A_reloaded_sentence_has_the_features_of_a_new_one()
    {
        // A long sentence first, so that the shorter ones after it run on longer buffers.
        AnalyzedText text = RealAnalyzer.Analyze(
            "قال سامر حداد في القاهرة إن المحادثات مع وزير الخارجية الأمريكي انتهت مساء الأحد بعد ساعات طويلة. "
            + "وصل حداد. The TALKS WITH OKAFOR ENDED. Talks with Okafor ended.",
            "ar");
        string[] keys = text.Tokens.Select(t => EntityText.Fold(text.Text.AsSpan(t.Span.Start, t.Span.Length))).ToArray();
        Assert.True(text.Sentences.Count >= 3);
        var reused = new TaggerSentence();
        foreach (IStemmer stemmer in new IStemmer[] { ProcliticStemmer.Instance, SegmenterStemmer.Default })
        {
            foreach (Sentence sentence in text.Sentences)
            {
                string[] words = Enumerable.Range(sentence.FirstToken, sentence.TokenCount)
                    .Select(t => text.Text.Substring(text.Tokens[t].Span.Start, text.Tokens[t].Span.Length)).ToArray();
                var fresh = new TaggerSentence(words, stemmer);
                s_names.Match(fresh);
                reused.Load(text.Text, text.Tokens, keys, sentence.FirstToken, sentence.TokenCount, stemmer);
                s_names.Match(reused);

                Assert.Equal(fresh.Count, reused.Count);
                Assert.Equal(fresh.AllCaps, reused.AllCaps);
                Assert.Equal(fresh.ListLabels!, reused.ListLabels![..reused.Count]);
                Assert.Equal(fresh.ListWordTypes!, reused.ListWordTypes![..reused.Count]);
                Assert.Equal(AllFeatures(fresh), AllFeatures(reused));
            }
        }
    }

    [Fact]
    public void Folded_words_are_the_folded_text_and_kept_once_seen()
    {
        string first = FoldedWords.Fold("الأمريكيّة");
        Assert.Equal(EntityText.Fold("الأمريكيّة"), first);
        Assert.Equal("الامريكيه", first);

        // Another spelling with the same folded form gets the string kept for the first.
        Assert.Same(first, FoldedWords.Fold("الامريكية"));

        string longWord = new('ب', FoldedWords.MaxWordLength + 1);
        Assert.Equal(longWord, FoldedWords.Fold(longWord));
        Assert.Equal(string.Empty, FoldedWords.Fold("\u0640"));
    }
}
