using System.CommandLine;
using GrpcNlp.Evaluation;

// One subcommand per task; each prints a readable table and, as its last line, one JSON object.
var root = new RootCommand("Measures GrpcNlp.Core against public gold data.")
{
    TokenizationTask.Create(),
    NormalizationTask.Create(),
    SentencesTask.Create(),
    TrainNerTask.Create(),
    TrainWordClassesTask.Create(),
    EntitiesTask.Create(),
    PatternsTask.Create(),
    TrainSegmenterTask.Create(),
    TrainSentencesTask.Create(),
    SegmentationTask.Create(),
    SummarizationTask.Create(),
    TrainSummarizerTask.Create(),
};
return root.Parse(args).Invoke();
