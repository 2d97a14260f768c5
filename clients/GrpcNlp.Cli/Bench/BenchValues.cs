using System.Globalization;

namespace GrpcNlp.Cli.Bench;

/// <summary>Parses the duration and size values of the bench options, in ghz's (Go's) spelling.</summary>
internal static class BenchValues
{
    /// <summary>
    /// Parses a Go-style duration such as <c>10s</c>, <c>1m30s</c>, <c>250ms</c> or <c>1.5h</c>;
    /// a bare number is seconds.
    /// </summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ReadOnlySpan<char> rest = text.AsSpan().Trim();
        if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out double bareSeconds))
        {
            duration = TimeSpan.FromSeconds(bareSeconds);
            return bareSeconds >= 0;
        }

        double totalSeconds = 0;
        while (!rest.IsEmpty)
        {
            int numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }

            int unitLength = 0;
            while (numberLength + unitLength < rest.Length
                && (char.IsAsciiLetter(rest[numberLength + unitLength]) || rest[numberLength + unitLength] == 'µ'))
            {
                unitLength++;
            }

            if (numberLength == 0 || unitLength == 0
                || !double.TryParse(rest[..numberLength], NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                return false;
            }

            double? unitSeconds = rest.Slice(numberLength, unitLength) switch
            {
                "ns" => 1e-9,
                "us" or "µs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => null,
            };
            if (unitSeconds is null)
            {
                return false;
            }

            totalSeconds += number * unitSeconds.Value;
            rest = rest[(numberLength + unitLength)..];
        }

        duration = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }

    /// <summary>
    /// Parses a byte size such as <c>65536</c>, <c>64KiB</c>, <c>1GiB</c> or <c>100MB</c>
    /// (KiB/MiB/GiB are powers of 1024, KB/MB/GB powers of 1000).
    /// </summary>
    public static bool TryParseSize(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ReadOnlySpan<char> value = text.AsSpan().Trim();
        int numberLength = 0;
        while (numberLength < value.Length && (char.IsAsciiDigit(value[numberLength]) || value[numberLength] == '.'))
        {
            numberLength++;
        }

        if (numberLength == 0
            || !double.TryParse(value[..numberLength], NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return false;
        }

        double? multiplier = value[numberLength..].Trim().ToString().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KIB" => 1024,
            "M" or "MIB" => 1024 * 1024,
            "G" or "GIB" => 1024 * 1024 * 1024,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            _ => null,
        };
        if (multiplier is null)
        {
            return false;
        }

        bytes = (long)(number * multiplier.Value);
        return true;
    }

    /// <summary>Formats a duration the way ghz's summary does: a unit that keeps the number short.</summary>
    public static string FormatDuration(long nanoseconds) => nanoseconds switch
    {
        < 1_000 => $"{nanoseconds} ns",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.##} µs"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.##} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e9:0.##} s"),
    };
}
