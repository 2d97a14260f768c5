namespace GrpcNlp.Evaluation;

/// <summary>One article to summarize, with its reference summaries.</summary>
/// <param name="Id">Corpus-relative id (topic or category and number).</param>
/// <param name="Text">The article text given to every system (a headline is not part of it).</param>
/// <param name="Language">BCP-47 language passed to the analyzer.</param>
/// <param name="References">The reference summaries' texts.</param>
internal sealed record SummaryArticle(string Id, string Text, string Language, IReadOnlyList<string> References);

/// <summary>Readers of the two summarization corpora (formats in their SOURCE.md).</summary>
internal static class SummaryCorpus
{
    /// <summary>EASC: <c>Articles/TopicN/*.txt</c>, five references in <c>MTurk/TopicN/</c>.</summary>
    public static List<SummaryArticle> ReadEasc(DirectoryInfo root)
    {
        var articles = new List<SummaryArticle>();
        foreach (DirectoryInfo topic in new DirectoryInfo(Path.Combine(root.FullName, "Articles")).GetDirectories("Topic*").OrderBy(TopicNumber))
        {
            FileInfo? article = topic.GetFiles().Where(f => f.Extension.Equals(".txt", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault();
            var references = new DirectoryInfo(Path.Combine(root.FullName, "MTurk", topic.Name));
            if (article is null || !references.Exists)
            {
                continue;
            }

            string[] summaries = references.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => Clean(File.ReadAllText(f.FullName))).ToArray();
            articles.Add(new SummaryArticle(topic.Name, Clean(File.ReadAllText(article.FullName)), "ar", summaries));
        }

        return articles;
    }

    /// <summary>BBC News Summary: <c>article/TOPIC/NNN.txt</c> (headline, blank line, one sentence a line), <c>summary/TOPIC/NNN.txt</c>.</summary>
    public static List<SummaryArticle> ReadBbc(DirectoryInfo root)
    {
        var articles = new List<SummaryArticle>();
        foreach (DirectoryInfo topic in new DirectoryInfo(Path.Combine(root.FullName, "article")).GetDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            foreach (FileInfo file in topic.GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                string summary = Path.Combine(root.FullName, "summary", topic.Name, file.Name);
                if (!File.Exists(summary))
                {
                    continue;
                }

                // The headline is not a candidate sentence (no reference contains it); the body's
                // lines are its sentences, kept apart by blank lines so the segmenter honours them.
                string[] lines = Clean(File.ReadAllText(file.FullName)).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                string body = string.Join("\n\n", lines.Skip(1));
                articles.Add(new SummaryArticle($"{topic.Name}/{file.Name}", body, "en", [Clean(File.ReadAllText(summary))]));
            }
        }

        return articles;
    }

    private static int TopicNumber(DirectoryInfo topic) => int.TryParse(topic.Name.AsSpan("Topic".Length), out int n) ? n : int.MaxValue;

    private static string Clean(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
