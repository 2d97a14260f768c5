using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;

namespace GrpcNlp.Core.Tests.Entities;

/// <summary>Hijri dates and dates relative to a reference date, run with the hand tokenizer and the real one.</summary>
public abstract class HijriAndRelativeDateTests
{
    // A Monday.
    private static readonly DateOnly s_reference = new(2024, 11, 11);

    private static readonly EntityExtractor s_extractor = new();

    private protected abstract AnalyzedText Analyze(string text, string language);

    private (string Text, string? Value)[] Dates(string text, DateOnly? reference, string language = "ar") =>
        s_extractor.Extract(Analyze(text, language), [EntityType.Date], reference, TestContext.Current.CancellationToken)
            .Mentions.Select(m => (text[m.Span.Start..m.Span.End], m.NormalizedValue)).ToArray();

    [Theory]
    [InlineData("وصادف 15 رمضان 1445 هـ يوم الاثنين", "15 رمضان 1445 هـ", "2024-03-25")]
    [InlineData("انتهى الصيام في 1 شوال 1445", "1 شوال 1445", "2024-04-10")]
    [InlineData("ولد في 10 ذو الحجة 1420 للهجرة", "10 ذو الحجة 1420 للهجرة", "2000-03-16")]
    [InlineData("احتفل في 12 ربيع الأول 1446 بالمولد", "12 ربيع الأول 1446", "2024-09-15")]
    [InlineData("بدأ شهر رمضان 1445 هـ رسميا", "رمضان 1445 هـ", "2024-03-11/2024-04-09")]
    [InlineData("يبدأ رمضان 2024 قريبا", "رمضان 2024", "2024-03-11/2024-04-09")]
    public void Hijri_dates_resolve_to_gregorian(string text, string expected, string value) =>
        Assert.Contains((expected, (string?)value), Dates(text, reference: null));

    [Fact]
    public void Hijri_day_and_month_without_a_year_is_a_date_without_value() =>
        Assert.Contains(("15 رمضان", (string?)null), Dates("يصادف 15 رمضان عطلة رسمية", reference: null));

    [Theory]
    [InlineData("أعلن الرئيس رجب طيب أردوغان فوزه")]
    [InlineData("كان شهر رمضان هادئا")]
    [InlineData("انخفض العدد إلى صفر تقريبا")]
    public void A_hijri_month_name_alone_is_not_a_date(string text) => Assert.Empty(Dates(text, s_reference));

    [Fact]
    public void A_day_past_the_end_of_a_hijri_month_is_not_part_of_the_date()
    {
        // Shawwal 1445 had 29 days in the Umm al-Qura calendar; the month and year remain a date,
        // as "30 فبراير 2024" leaves "فبراير 2024".
        var dates = Dates("وقع ذلك في 30 شوال 1445", reference: null);
        Assert.DoesNotContain(dates, d => d.Text.StartsWith("30", StringComparison.Ordinal));
        Assert.Contains(("شوال 1445", (string?)"2024-04-10/2024-05-08"), dates);
    }

    [Theory]
    [InlineData("وصل الوفد أمس إلى المدينة", "أمس", "2024-11-10")]
    [InlineData("يغادر الوفد غدا صباحا", "غدا", "2024-11-12")]
    [InlineData("قال مسؤول اليوم إن الخطة جاهزة", "اليوم", "2024-11-11")]
    [InlineData("وقع الحادث أول أمس في المدينة", "أول أمس", "2024-11-09")]
    [InlineData("يعقد الاجتماع بعد غد في الرياض", "بعد غد", "2024-11-13")]
    [InlineData("ارتفعت المبيعات العام الماضي بقوة", "العام الماضي", "2023")]
    [InlineData("تراجعت الأسعار الشهر الجاري قليلا", "الشهر الجاري", "2024-11")]
    [InlineData("تصدر النتائج الأسبوع المقبل رسميا", "الأسبوع المقبل", "2024-W47")]
    [InlineData("ستتحسن الأرقام هذا العام كما يبدو", "هذا العام", "2024")]
    [InlineData("وصل الوفد يوم الأحد الماضي", "الأحد الماضي", "2024-11-10")]
    [InlineData("تجري الانتخابات الجمعة المقبلة", "الجمعة المقبلة", "2024-11-15")]
    [InlineData("عاد الوزير الأحد إلى عمله", "الأحد", "2024-11-10")]
    [InlineData("يصل الوفد الخميس إلى المدينة", "الخميس", "2024-11-14")]
    [InlineData("وصل الوفد الاثنين إلى المدينة", "الاثنين", "2024-11-11")]
    public void Arabic_relative_dates_resolve_against_the_reference_date(string text, string expected, string value) =>
        Assert.Contains((expected, (string?)value), Dates(text, s_reference));

    [Theory]
    [InlineData("وصل الوفد وأمس غادر", "أمس", "2024-11-10")]
    [InlineData("ارتفعت الأسعار والأسبوع الماضي تراجعت", "الأسبوع الماضي", "2024-W45")]
    [InlineData("وقعت الحادثة بالأمس في المدينة", "الأمس", "2024-11-10")]
    [InlineData("يصل الوفد اليوم وبعد غد يغادر", "بعد غد", "2024-11-13")]
    [InlineData("تحسنت الأرقام وهذا العام أفضل", "هذا العام", "2024")]
    public void A_proclitic_on_a_relative_date_stays_out_of_its_span(string text, string expected, string value) =>
        Assert.Contains((expected, (string?)value), Dates(text, s_reference));

    [Theory]
    [InlineData("He arrived yesterday at noon.", "yesterday", "2024-11-10")]
    [InlineData("She leaves next Friday for Paris.", "next Friday", "2024-11-15")]
    [InlineData("We met last Monday again.", "last Monday", "2024-11-04")]
    [InlineData("Sales fell last year and recovered.", "last year", "2023")]
    [InlineData("The report is due next month.", "next month", "2024-12")]
    [InlineData("Prices rose this week again.", "this week", "2024-W46")]
    public void English_relative_dates_resolve_against_the_reference_date(string text, string expected, string value) =>
        Assert.Contains((expected, (string?)value), Dates(text, s_reference, "en"));

    [Theory]
    [InlineData("وصل الوفد قبل ثلاثة أيام إلى المدينة", "قبل ثلاثة أيام", "2024-11-08")]
    [InlineData("تأسست الشركة منذ 30 عاما في القاهرة", "منذ 30 عاما", "1994")]
    [InlineData("اندلعت الأزمة قبل أسبوعين تقريبا", "قبل أسبوعين", "2024-W44")]
    [InlineData("ارتفعت الأسعار قبل ثلاثة أشهر", "قبل ثلاثة أشهر", "2024-08")]
    [InlineData("He left three days ago for Paris.", "three days ago", "2024-11-08")]
    [InlineData("The firm was founded 30 years ago.", "30 years ago", "1994")]
    [InlineData("The plant closed a year ago.", "a year ago", "2023")]
    [InlineData("She called a week ago about it.", "a week ago", "2024-W45")]
    public void A_duration_before_the_reference_date_is_a_date(string text, string expected, string value)
    {
        string language = text[0] < 'ء' ? "en" : "ar";
        Assert.Contains((expected, (string?)value), Dates(text, s_reference, language));
    }

    [Fact]
    public void Hours_ago_and_absurd_spans_are_no_dated_value()
    {
        Assert.Empty(Dates("وصل الوفد قبل ساعتين", s_reference));
        Assert.Contains(("منذ 5000 عام", (string?)null), Dates("بنيت المدينة منذ 5000 عام", s_reference));
        Assert.Contains(("قبل ثلاثة أيام", (string?)null), Dates("وصل الوفد قبل ثلاثة أيام", reference: null));
    }

    [Fact]
    public void Without_a_reference_date_relative_dates_have_no_value()
    {
        var dates = Dates("وصل الوفد أمس ويغادر الأحد المقبل", reference: null);
        Assert.Equal(["أمس", "الأحد المقبل"], dates.Select(d => d.Text));
        Assert.All(dates, d => Assert.Null(d.Value));
    }

    [Theory]
    [InlineData("احتفل العالم باليوم العالمي للمرأة")]
    [InlineData("وبعد ذلك عاد الوفد")]
    [InlineData("كان اليوم الأول من المؤتمر هادئا")]
    [InlineData("يشكل الرأي العام قوة كبيرة")]
    public void A_day_or_year_that_is_not_relative_is_not_a_date(string text) => Assert.Empty(Dates(text, s_reference));

    [Fact]
    public void A_weekday_before_a_hijri_date_joins_it() =>
        Assert.Contains(("الاثنين 15 رمضان 1445", (string?)"2024-03-25"), Dates("صدر القرار الاثنين 15 رمضان 1445 رسميا", s_reference));
}

public sealed class HijriAndRelativeDateHandTokenizerTests : HijriAndRelativeDateTests
{
    private protected override AnalyzedText Analyze(string text, string language) => HandAnalyzer.Analyze(text, language);
}

public sealed class HijriAndRelativeDateRealTokenizerTests : HijriAndRelativeDateTests
{
    private protected override AnalyzedText Analyze(string text, string language) => RealAnalyzer.Analyze(text, language);
}
