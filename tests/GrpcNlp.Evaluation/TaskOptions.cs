using System.CommandLine;

namespace GrpcNlp.Evaluation;

/// <summary>The options every scoring task spells the same way, so that CI and users call them alike.</summary>
internal static class TaskOptions
{
    /// <summary><c>--errors N</c>: print up to N of the task's mistakes (<paramref name="what"/>).</summary>
    public static Option<int> Errors(string what, int defaultCount = 0) => new("--errors")
    {
        Description = $"Print up to this many {what}",
        DefaultValueFactory = _ => defaultCount,
    };

    /// <summary>A quality gate: the task exits with 1 when <paramref name="what"/> (in percent) is below the value given.</summary>
    public static Option<double> MinimumPercent(string name, string what) => new(name)
    {
        Description = $"Exit with 1 when {what} (in percent) is below this",
        DefaultValueFactory = _ => 0,
    };
}
