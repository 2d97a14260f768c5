using System.Text;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Evaluation;

/// <summary>Unlabelled text for the training tasks: the files named on a command line, and their sentences as the analyzer splits them.</summary>
internal static class RawText
{
    /// <summary>
    /// The files of <paramref name="paths"/> (a folder stands for all its files, recursively, by
    /// ordinal path); null after printing an error when a path names no file.
    /// </summary>
    public static List<string>? Files(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (string path in paths)
        {
            string[] files = Directory.Exists(path)
                ? [.. Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
                : File.Exists(path) ? [path] : [];
            if (files.Length == 0)
            {
                Console.Error.WriteLine($"No such file or folder: {Path.GetFileName(path)}");
                return null;
            }

            result.AddRange(files);
        }

        return result;
    }

    /// <summary>
    /// The sentences of <paramref name="files"/> as words: each line is a paragraph, tokenized and
    /// split into sentences by the analyzer. Arabic diacritics and tatweel are removed first, since
    /// the tagger's training text (ANERcorp) has none and some of its features read words as written.
    /// </summary>
    public static List<string[]> Sentences(IEnumerable<string> files, string language)
    {
        var analyzer = new TextAnalyzer();
        var sentences = new List<string[]>();
        foreach (string file in files)
        {
            foreach (string line in File.ReadLines(file))
            {
                string text = WithoutDiacritics(line);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                AnalyzedText analyzed = analyzer.Analyze(text, language, NormalizationOptions.None);
                foreach (Sentence sentence in analyzed.Sentences)
                {
                    var words = new string[sentence.TokenCount];
                    for (int t = 0; t < words.Length; t++)
                    {
                        TextSpan span = analyzed.Tokens[sentence.FirstToken + t].Span;
                        words[t] = text.Substring(span.Start, span.Length);
                    }

                    if (words.Length > 0)
                    {
                        sentences.Add(words);
                    }
                }
            }
        }

        return sentences;
    }

    /// <summary><paramref name="line"/> without Arabic diacritics (U+064B–U+0652, U+0670) and tatweel.</summary>
    internal static string WithoutDiacritics(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (char c in line)
        {
            if (c is not ((>= '\u064B' and <= '\u0652') or '\u0640' or '\u0670'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
