namespace GrpcNlp.Core.Tokenization;

/// <summary>What kind of text a token is.</summary>
public enum TokenType
{
    /// <summary>A word of letters and marks.</summary>
    Word,

    /// <summary>A number in any script's digits, with separators and decimals.</summary>
    Number,

    /// <summary>Punctuation.</summary>
    Punctuation,

    /// <summary>A symbol.</summary>
    Symbol,

    /// <summary>A URL.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A hashtag.</summary>
    Hashtag,

    /// <summary>A mention.</summary>
    Mention,

    /// <summary>An emoji sequence.</summary>
    Emoji,
}
