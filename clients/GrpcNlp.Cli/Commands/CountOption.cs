using System.CommandLine;
using System.Globalization;

namespace GrpcNlp.Cli.Commands;

/// <summary>Integer options with a lower bound, checked while parsing so a bad value is a usage error.</summary>
internal static class CountOption
{
    /// <summary>The <c>--parallel</c> option of the commands that make one call per document.</summary>
    public static Option<int> CreateParallel()
        => Create("--parallel", "-j", "How many documents are sent at once; answers still print in input order", 4, 1);

    public static Option<int> Create(string name, string alias, string description, int defaultValue, int minimum)
    {
        return new Option<int>(name, alias)
        {
            Description = description,
            HelpName = "count",
            DefaultValueFactory = _ => defaultValue,
            // A custom parser rather than a validator: validators also run on values that failed
            // conversion, and reading those throws instead of reporting.
            CustomParser = result =>
            {
                string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum)
                {
                    return value;
                }

                result.AddError($"{name} must be an integer of at least {minimum}, not '{token}'.");
                return defaultValue;
            },
        };
    }
}
