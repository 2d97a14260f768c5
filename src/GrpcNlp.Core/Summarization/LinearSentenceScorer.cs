namespace GrpcNlp.Core.Summarization;

/// <summary>
/// A learned sentence scorer: logistic regression over <see cref="SentenceFeatures"/>, giving the
/// probability that a reference summary contains the sentence.
/// </summary>
/// <param name="Weights">One weight per feature, in <see cref="SentenceFeatures.Names"/> order.</param>
/// <param name="Bias">The intercept.</param>
internal sealed record LinearSentenceScorer(float[] Weights, float Bias)
{
    /// <summary>The scorer's probability for one sentence's features, in (0, 1).</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        float z = Bias;
        for (int k = 0; k < Weights.Length && k < features.Length; k++)
        {
            z += Weights[k] * features[k];
        }

        return 1f / (1f + MathF.Exp(-z));
    }
}
