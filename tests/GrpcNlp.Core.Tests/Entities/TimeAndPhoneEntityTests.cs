using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;

namespace GrpcNlp.Core.Tests.Entities;

/// <summary>Time and phone cases, run once with the hand tokenizer and once with the real one.</summary>
public abstract class TimeAndPhoneEntityTests
{
    private static readonly EntityExtractor s_extractor = new();

    private protected abstract AnalyzedText Analyze(string text, string language);

    private (string Text, EntityType Type, string? Value)[] Mentions(string text, string language, params EntityType[] types)
    {
        EntityResult result = s_extractor.Extract(Analyze(text, language), types, TestContext.Current.CancellationToken);
        return result.Mentions.Select(m => (text[m.Span.Start..m.Span.End], m.Type, m.NormalizedValue)).ToArray();
    }

    [Theory]
    [InlineData("بدأ الاجتماع الساعة 10:30 في مقر الوزارة", "الساعة 10:30", "T10:30")]
    [InlineData("بدأ الاجتماع الساعة ١٠:٣٠ صباحاً في مقر الوزارة", "الساعة ١٠:٣٠ صباحاً", "T10:30")]
    [InlineData("انطلقت الرحلة 10:30 صباحا من المطار", "10:30 صباحا", "T10:30")]
    [InlineData("انطلقت الرحلة 8:15 مساءً من المطار", "8:15 مساءً", "T20:15")]
    [InlineData("انطلقت الرحلة 9:05 مساء من المطار", "9:05 مساء", "T21:05")]
    [InlineData("أقيمت الصلاة 12:30 ظهرا في المسجد", "12:30 ظهرا", "T12:30")]
    [InlineData("أقيمت الصلاة 1:15 ظهراً في المسجد", "1:15 ظهراً", "T13:15")]
    [InlineData("وقع الانفجار 4:40 فجرا قرب السوق", "4:40 فجرا", "T04:40")]
    [InlineData("وقع الانفجار 11:20 ليلا قرب السوق", "11:20 ليلا", "T23:20")]
    [InlineData("وقع الانفجار 12:10 ليلاً قرب السوق", "12:10 ليلاً", "T00:10")]
    [InlineData("انتهت الجلسة الساعة الثالثة عصرا أمس", "الساعة الثالثة عصرا", "T15:00")]
    [InlineData("انتهت الجلسة الساعة الثانية عشرة ظهرا أمس", "الساعة الثانية عشرة ظهرا", "T12:00")]
    [InlineData("انتهت الجلسة الساعة العاشرة والنصف صباحا", "الساعة العاشرة والنصف صباحا", "T10:30")]
    [InlineData("انتهت الجلسة الساعة الخامسة إلا ربعا مساء", "الساعة الخامسة إلا ربعا مساء", "T16:45")]
    [InlineData("يبدأ البث الساعة 8 بتوقيت غرينتش", "الساعة 8 بتوقيت غرينتش", "T08:00Z")]
    [InlineData("يبدأ البث الساعة 9 مساء بتوقيت مكة المكرمة غدا", "الساعة 9 مساء بتوقيت مكة المكرمة", "T21:00+03:00")]
    [InlineData("يبدأ البث الساعة 7 بتوقيت القدس", "الساعة 7 بتوقيت القدس", "T07:00")]
    [InlineData("يبدأ البث 10:30 م يوميا", "10:30 م", "T22:30")]
    [InlineData("يبدأ البث الساعة ٨ مساءً يوميا", "الساعة ٨ مساءً", "T20:00")]
    [InlineData("The vote closes at 10:30 tonight", "10:30", "T10:30")]
    [InlineData("The vote closes at 10:30:15 tonight", "10:30:15", "T10:30:15")]
    [InlineData("The vote closes 10:30 am sharp", "10:30 am", "T10:30")]
    [InlineData("The vote closes 10:30am sharp", "10:30am", "T10:30")]
    [InlineData("The vote closes 3 p.m. on Friday", "3 p.m.", "T15:00")]
    [InlineData("The vote closes 3pm on Friday", "3pm", "T15:00")]
    [InlineData("The vote closes 12 am on Friday", "12 am", "T00:00")]
    [InlineData("The vote closes 12 PM on Friday", "12 PM", "T12:00")]
    [InlineData("The market opened 15:45 GMT today", "15:45 GMT", "T15:45Z")]
    [InlineData("The market opened 9:30 EST today", "9:30 EST", "T09:30-05:00")]
    [InlineData("The market opened until 09:05 today", "09:05", "T09:05")]
    [InlineData("The plane landed at 1100 GMT on Monday", "1100 GMT", "T11:00Z")]
    [InlineData("The vote closes 3 pm Friday", "3 pm", "T15:00")]
    [InlineData("وصل الوفد الساعة 8 مساء السبت", "الساعة 8 مساء", "T20:00")]
    [InlineData("The polls close at noon on Friday", "noon", "T12:00")]
    [InlineData("The curfew starts at 12 midnight", "12 midnight", "T00:00")]
    [InlineData("The deadline expires at midnight tonight", "midnight", "T00:00")]
    [InlineData("The summit opens at midday", "midday", "T12:00")]
    [InlineData("تنتهي المهلة عند منتصف الليل", "منتصف الليل", "T00:00")]
    [InlineData("وصل الوفد في منتصف النهار", "منتصف النهار", "T12:00")]
    [InlineData("أقيمت المراسم وقت الظهيرة", "الظهيرة", "T12:00")]
    public void Times_are_found_with_iso_values(string text, string expected, string value)
    {
        string language = text[0] < 128 ? "en" : "ar";
        Assert.Contains((expected, EntityType.Time, (string?)value), Mentions(text, language, EntityType.Time));
    }

    [Fact]
    public void A_date_and_the_time_after_it_are_two_mentions()
    {
        var mentions = Mentions("عقد المؤتمر في 19 يناير 2024 الساعة 10:30 صباحا", "ar", EntityType.Date, EntityType.Time);
        Assert.Equal(
            [("19 يناير 2024", EntityType.Date, (string?)"2024-01-19"), ("الساعة 10:30 صباحا", EntityType.Time, "T10:30")],
            mentions);
    }

    [Theory]
    [InlineData("فاز الفريق 2:1 على منافسه", "ar")]
    [InlineData("فاز الفريق 3:0 على منافسه", "ar")]
    [InlineData("Read verse 2:255 again", "en")]
    [InlineData("He quoted John 3:16 in the speech", "en")]
    [InlineData("The ratio was 10:30 in the sample", "en")]
    [InlineData("He ran it in 1:23.45 last year", "en")]
    [InlineData("The price was 10.30 dollars", "en")]
    [InlineData("بلغ السعر 10.30 دينار", "ar")]
    [InlineData("The clock read 25:10 on the broken display", "en")]
    [InlineData("The meeting at 10:75 never happened", "en")]
    [InlineData("The team scored 3 points and won 15 pm", "en")]
    [InlineData("يبلغ ارتفاع الجدار 5 م فقط", "ar")]
    [InlineData("انظر ص 5 من التقرير", "ar")]
    [InlineData("استمرت المفاوضات 24 ساعة متواصلة", "ar")]
    [InlineData("وصل 300 شخص في عام 2024", "ar")]
    [InlineData("خلال الساعة الماضية قتل 3 أشخاص", "ar")]
    [InlineData("فاز الفريق 4 - 1 مساء السبت", "ar")]
    [InlineData("The fleet had 1999 ships", "en")]
    [InlineData("ظهر الرئيس في المؤتمر اليوم", "ar")]
    [InlineData("توقفت السيارة في منتصف الطريق", "ar")]
    [InlineData("Bowling: W. Noon took 3 wickets", "en")]
    public void Scores_verses_amounts_and_plain_numbers_are_not_times(string text, string language)
    {
        Assert.Empty(Mentions(text, language, EntityType.Time));
    }

    [Theory]
    [InlineData("For details call +44 20 7946 0958 today", "+44 20 7946 0958", "+442079460958")]
    [InlineData("The office number is +1 212-555-0123 now", "+1 212-555-0123", "+12125550123")]
    [InlineData("The office number is (212) 555-0123 now", "(212) 555-0123", "2125550123")]
    [InlineData("The office number is 212-555-0123 now", "212-555-0123", "2125550123")]
    [InlineData("The office number is +1 (212) 555-0123 now", "+1 (212) 555-0123", "+12125550123")]
    [InlineData("Phone: 555-0123 after six", "555-0123", "5550123")]
    [InlineData("للاستفسار اتصلوا على 0501234567 يوميا", "0501234567", "0501234567")]
    [InlineData("للاستفسار اتصلوا على ٠٥٠١٢٣٤٥٦٧ يوميا", "٠٥٠١٢٣٤٥٦٧", "0501234567")]
    [InlineData("للاستفسار اتصلوا على +971 50 123 4567 يوميا", "+971 50 123 4567", "+971501234567")]
    [InlineData("للاستفسار اتصلوا على 01001234567 يوميا", "01001234567", "01001234567")]
    [InlineData("للاستفسار اتصلوا على +٩٧١ ٥٠ ١٢٣ ٤٥٦٧ يوميا", "+٩٧١ ٥٠ ١٢٣ ٤٥٦٧", "+971501234567")]
    [InlineData("للاستفسار اتصلوا على 050 123 4567 يوميا", "050 123 4567", "0501234567")]
    [InlineData("للاستفسار اتصلوا على (02) 1234567 يوميا", "(02) 1234567", "021234567")]
    [InlineData("للاستفسار اتصلوا على 00971501234567 يوميا", "00971501234567", "00971501234567")]
    [InlineData("للاستفسار الهاتف: 2345678 يوميا", "2345678", "2345678")]
    [InlineData("للاستفسار رقم 6123456 يوميا", "6123456", "6123456")]
    [InlineData("للاستفسار فاكس 45 678 901 يوميا", "45 678 901", "45678901")]
    public void Phone_numbers_are_found_with_their_digits(string text, string expected, string value)
    {
        string language = text[0] < 128 ? "en" : "ar";
        Assert.Equal([(expected, EntityType.Phone, (string?)value)], Mentions(text, language, EntityType.Phone));
    }

    [Fact]
    public void A_phone_number_is_not_also_numbers()
    {
        var mentions = Mentions("اتصلوا على +971 50 123 4567 للحجز", "ar");
        Assert.Equal([("+971 50 123 4567", EntityType.Phone, (string?)"+971501234567")], mentions);
    }

    [Theory]
    [InlineData("زار المعرض 1,400 شخص عام 2024", "ar")]
    [InlineData("بلغت الخسائر 5 ملايين دولار", "ar")]
    [InlineData("وصل عدد السكان 12000000 نسمة", "ar")]
    [InlineData("سجل رقما قياسيا بلغ 12000000 زائر", "ar")]
    [InlineData("رقم الجلسة 2024 في السجل", "ar")]
    [InlineData("The seasons 1999 2000 2001 2002 were good", "en")]
    [InlineData("The range 2020-2021 was busy", "en")]
    [InlineData("Shares rose +5 points and +12.5 percent", "en")]
    [InlineData("The constant 0.5012345678 appears", "en")]
    [InlineData("Codes 555-0123 and 123 4567 were printed", "en")]
    [InlineData("The years (1999) 2000 and 3000 passed", "en")]
    [InlineData("Standings: Leeds 0 20 1381 2778", "en")]
    public void Years_amounts_and_plain_numbers_are_not_phones(string text, string language)
    {
        Assert.Empty(Mentions(text, language, EntityType.Phone));
    }
}

public sealed class TimeAndPhoneEntityHandTokenizerTests : TimeAndPhoneEntityTests
{
    private protected override AnalyzedText Analyze(string text, string language) => HandAnalyzer.Analyze(text, language);
}

public sealed class TimeAndPhoneEntityRealTokenizerTests : TimeAndPhoneEntityTests
{
    private protected override AnalyzedText Analyze(string text, string language) => RealAnalyzer.Analyze(text, language);
}
