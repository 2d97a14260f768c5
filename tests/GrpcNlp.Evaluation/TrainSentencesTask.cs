using System.CommandLine;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `train-sentences`: trains the sentence boundary model on a CoNLL-U file (all of it) and writes
/// the file the Core project embeds. Deterministic: the same file gives the same bytes.
/// </summary>
internal static class TrainSentencesTask
{
    public static Command Create()
    {
        var conllu = new Option<FileInfo>("--conllu") { Description = "Gold CoNLL-U file to train on (all of it)", Required = true };
        var language = new Option<string>("--lang") { Description = "Language whose sentence rules the model sees", DefaultValueFactory = _ => "en" };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write (sentence_boundaries.tsv)", Required = true };
        var command = new Command("train-sentences", "Trains the sentence boundary model (averaged perceptron over the rules' verdict and the tokens around each gap).")
        {
            conllu, language, output,
        };
        command.SetAction(parse => Train(parse.GetRequiredValue(conllu), parse.GetRequiredValue(language), parse.GetRequiredValue(output)));
        return command;
    }

    private static int Train(FileInfo file, string language, FileInfo output)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"No such file: {file.Name}");
            return 2;
        }

        ConlluDocument gold = ConlluDocument.Parse(File.ReadLines(file.FullName));
        SentenceBoundaryModel model = SentenceBoundaryData.Train(gold, language, verbose: true);
        using (var writer = new StreamWriter(output.FullName) { NewLine = "\n" })
        {
            model.Write(writer);
        }

        Console.WriteLine($"wrote {output.Name}: {model.Weights.Count} features, {new FileInfo(output.FullName).Length} bytes");
        return 0;
    }
}
