using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace GrpcNlp.Cli.Commands;

/// <summary>
/// Turns the paths a user typed into the files to read: a file as is, a folder as every file under
/// it (recursively; hidden files and folders, whose names start with a dot, skipped), and a pattern with <c>*</c> or <c>**</c> as the files it
/// matches (Microsoft.Extensions.FileSystemGlobbing). Each folder's or pattern's files come in
/// ordinal order of their paths, so a run reads the same inputs in the same order every time.
/// </summary>
internal static class InputPaths
{
    /// <summary>Whether <paramref name="path"/> is a glob pattern rather than a plain path.</summary>
    public static bool IsPattern(string path) => path.Contains('*', StringComparison.Ordinal) && !File.Exists(path);

    /// <summary>Expands one typed path; a missing file or folder comes back as is, for the reader to report.</summary>
    public static IEnumerable<string> Expand(string path)
    {
        if (path == InputFiles.StandardInput || File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return Sorted(Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true }));
        }

        return IsPattern(path) ? Match(path) : [path];
    }

    // The pattern's leading segments without a wildcard are the folder to search; the rest is
    // matched under it, so "docs/**/*.txt" searches docs/ and yields paths that start with "docs/".
    private static List<string> Match(string pattern)
    {
        string[] segments = pattern.Split('/', Path.DirectorySeparatorChar);
        int firstWild = Array.FindIndex(segments, segment => segment.Contains('*', StringComparison.Ordinal));
        string root = firstWild == 1 && segments[0].Length == 0 ? "/" : string.Join('/', segments[..firstWild]);
        string rest = string.Join('/', segments[firstWild..]);
        string searchRoot = root.Length == 0 ? "." : root;
        if (!Directory.Exists(searchRoot))
        {
            return [];
        }

        string prefix = root.Length == 0 || root.EndsWith('/') ? root : root + "/";

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        PatternMatchingResult result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(searchRoot)));
        // Hidden files and folders are skipped, as in a folder walk.
        return Sorted(result.Files
            .Where(static match => !match.Path.Split('/').Any(static segment => segment.StartsWith('.')))
            .Select(match => prefix + match.Path));
    }

    private static List<string> Sorted(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
