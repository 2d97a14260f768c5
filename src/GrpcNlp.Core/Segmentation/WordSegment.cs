using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Segmentation;

/// <summary>One segment of a word.</summary>
/// <param name="Span">The segment's span, relative to the start of the word that was segmented.</param>
/// <param name="Role">What the segment is.</param>
/// <param name="RestoredForm">
/// The segment's full form where cliticisation dropped a letter (the ل of للمرة stands for the
/// article ال), otherwise <see langword="null"/>: the form is then the text under <paramref name="Span"/>.
/// </param>
public readonly record struct WordSegment(TextSpan Span, SegmentRole Role, string? RestoredForm)
{
    /// <summary>The segment's form: its restored form, or its text in <paramref name="word"/>.</summary>
    /// <param name="word">The word the segment was taken from.</param>
    public string Form(ReadOnlySpan<char> word) => RestoredForm ?? word[Span.Start..Span.End].ToString();
}
