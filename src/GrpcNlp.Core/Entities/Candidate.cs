namespace GrpcNlp.Core.Entities;

/// <summary>A proposed mention over tokens [FirstToken, EndToken) and characters [Start, End).</summary>
internal readonly record struct Candidate(int Start, int End, int FirstToken, int EndToken, EntityType Type, float Confidence, string? Value, int Priority)
{
    public const int PatternPriority = 3;
    public const int RulePriority = 2;
    public const int ModelPriority = 1;
    public const int GazetteerPriority = 1;
    public const int PropagatedPriority = 0;

    /// <summary>
    /// The span starts after "ل" of "لل" + noun: the canonical name puts back the article's alef
    /// that the preposition absorbed ("للأمم المتحدة" -> "الأمم المتحدة").
    /// </summary>
    public bool RestoresArticle { get; init; }
}
