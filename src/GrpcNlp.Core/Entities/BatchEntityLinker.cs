namespace GrpcNlp.Core.Entities;

/// <summary>
/// Links the entities of the documents of one batch, document after document: an entity is the
/// batch entity of the same type whose name's words contain all of its own, or whose words its own
/// contain ("بايدن" in one article, "جو بايدن" in the next); otherwise a new one. Values (dates,
/// amounts, numbers) link by canonical text. Names are compared folded, as within a document.
/// Not thread-safe: one per batch, fed in document order.
/// </summary>
public sealed class BatchEntityLinker
{
    private readonly List<(EntityType Type, string[] Words)> _entities = [];

    /// <summary>Number of batch entities so far.</summary>
    public int Count => _entities.Count;

    /// <summary>
    /// The 1-based number of the batch entity that an entity named <paramref name="canonicalName"/>
    /// of type <paramref name="type"/> belongs to, the first one that matches when several do; a
    /// new number when none does.
    /// </summary>
    public int Link(string canonicalName, EntityType type)
    {
        ArgumentNullException.ThrowIfNull(canonicalName);
        string[] words = EntityText.Fold(canonicalName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool named = type is EntityType.Person or EntityType.Location or EntityType.Organization or EntityType.Misc;
        if (words.Length == 0)
        {
            // Nothing to compare: an entity of its own.
            _entities.Add((type, words));
            return _entities.Count;
        }

        for (int i = 0; i < _entities.Count; i++)
        {
            string[] known = _entities[i].Words;
            if (known.Length == 0 || _entities[i].Type != type)
            {
                continue;
            }

            bool same = named
                ? EntityText.ContainsAllWords(known, words) || EntityText.ContainsAllWords(words, known)
                : known.AsSpan().SequenceEqual(words);
            if (same)
            {
                // The longer name stands for the entity from now on, so that a later short form of
                // either part still finds it.
                if (words.Length > known.Length)
                {
                    _entities[i] = (type, words);
                }

                return i + 1;
            }
        }

        _entities.Add((type, words));
        return _entities.Count;
    }
}
