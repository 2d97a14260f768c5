namespace GrpcNlp.Cli.Tests.EndToEnd;

/// <summary>Short texts written for these tests.</summary>
internal static class Texts
{
    public const string ArabicNews =
        "وصل الرئيس محمد عبد الله إلى القاهرة يوم الاثنين في زيارة رسمية. " +
        "وقال محمد عبد الله إن التعاون مع مصر يزداد كل عام. " +
        "وأضاف أن الاجتماع القادم سيعقد في الرياض بعد ثلاثة أسابيع. " +
        "ورحب المسؤولون في القاهرة بالزيارة.";

    public const string ArabicSecond =
        "أعلنت الحكومة في الرياض عن خطة جديدة للنقل. " +
        "وستبدأ الخطة في العام المقبل بتكلفة كبيرة.";

    public const string ArabicWithDiacritics = "كَتَبَ الطالبُ الدرسَ.";
}
