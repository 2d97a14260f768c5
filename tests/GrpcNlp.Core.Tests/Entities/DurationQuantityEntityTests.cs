using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;

namespace GrpcNlp.Core.Tests.Entities;

/// <summary>Durations, quantities and numbers in words, run once with the hand tokenizer and once with the real one.</summary>
public abstract class DurationQuantityEntityTests
{
    private static readonly EntityExtractor s_extractor = new();

    private protected abstract AnalyzedText Analyze(string text, string language);

    private (string Text, EntityType Type, string? Value)[] Mentions(string text, string language = "ar", params EntityType[] types)
    {
        EntityResult result = s_extractor.Extract(Analyze(text, language), types, TestContext.Current.CancellationToken);
        return result.Mentions.Select(m => (text[m.Span.Start..m.Span.End], m.Type, m.NormalizedValue)).ToArray();
    }

    private (string Text, EntityType Type, string? Value)[] Patterns(string text, string language = "ar") =>
        Mentions(text, language, EntityType.Date, EntityType.Duration, EntityType.Quantity, EntityType.Number, EntityType.Money, EntityType.Percent);

    [Theory]
    [InlineData("استمرت المفاوضات ثلاثة أسابيع قبل الاتفاق", "ثلاثة أسابيع", "P3W")]
    [InlineData("يجب الرد خلال 48 ساعة من الإخطار", "48 ساعة", "PT48H")]
    [InlineData("بقي الوفد عشرة أيام في العاصمة", "عشرة أيام", "P10D")]
    [InlineData("سجن الرجل 3 سنوات بتهمة الاحتيال", "3 سنوات", "P3Y")]
    [InlineData("عمل في الشركة 30 عاما قبل تقاعده", "30 عاما", "P30Y")]
    [InlineData("توقف القطار 15 دقيقة في المحطة", "15 دقيقة", "PT15M")]
    [InlineData("انتهى السباق بعد 45 ثانية فقط", "45 ثانية", "PT45S")]
    [InlineData("ظل البلد مغلقا خمسة أشهر كاملة", "خمسة أشهر", "P5M")]
    [InlineData("استغرق البناء 1.5 سنة تقريبا", "1.5 سنة", "P1.5Y")]
    [InlineData("حكم البلاد ثلاثة عقود متتالية", "ثلاثة عقود", "P30Y")]
    [InlineData("The strike lasted three weeks in all", "three weeks", "P3W")]
    [InlineData("Shops must reply within 48 hours of a complaint", "48 hours", "PT48H")]
    [InlineData("He served two years in prison", "two years", "P2Y")]
    [InlineData("The works took twenty-five days to finish", "twenty-five days", "P25D")]
    [InlineData("The company grew for two decades", "two decades", "P20Y")]
    public void Counted_durations_have_iso_values(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Duration, (string?)value), Patterns(text, text[0] < 'ـ' ? "en" : "ar"));
    }

    [Theory]
    [InlineData("استمر الحصار يومين قبل أن ينتهي", "يومين", "P2D")]
    [InlineData("تأخرت الرحلة ساعتين بسبب الضباب", "ساعتين", "PT2H")]
    [InlineData("سافر لعامين إلى الخارج", "عامين", "P2Y")]
    [InlineData("عاد بعد أسبوعين من الغياب", "أسبوعين", "P2W")]
    [InlineData("تراجعت الأسعار خلال الشهرين الماضيين", "الشهرين", "P2M")]
    [InlineData("توقف البث دقيقتين فقط", "دقيقتين", "PT2M")]
    public void Arabic_duals_are_two_units(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Duration, (string?)value), Patterns(text));
    }

    [Theory]
    [InlineData("انتظر المسافرون ساعة ونصف في المطار", "ساعة ونصف", "PT1.5H")]
    [InlineData("انتظر المسافرون نصف ساعة في المطار", "نصف ساعة", "PT0.5H")]
    [InlineData("قضى في السجن 3 سنوات ونصف", "3 سنوات ونصف", "P3.5Y")]
    [InlineData("قضى في السجن سنتين ونصف", "سنتين ونصف", "P2.5Y")]
    [InlineData("حكم الحزب نصف قرن", "نصف قرن", "P50Y")]
    public void Halves_are_part_of_a_duration(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Duration, (string?)value), Patterns(text));
    }

    [Theory]
    [InlineData("The talks went on for a week without a deal", "a week", "P1W")]
    [InlineData("Prices have risen for more than a decade", "a decade", "P10Y")]
    [InlineData("A decade of war left the city in ruins", "A decade", "P10Y")]
    [InlineData("The vote took half an hour in the end", "half an hour", "PT0.5H")]
    [InlineData("The party ruled for half a century", "half a century", "P50Y")]
    [InlineData("The bridge will reopen within a month", "a month", "P1M")]
    public void English_a_or_an_before_a_unit_is_one_unit(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Duration, (string?)value), Patterns(text, "en"));
    }

    [Theory]
    [InlineData("Take the pills twice a day with water")]
    [InlineData("Members pay $5 a year to join")]
    [InlineData("He sees her once a week at most")]
    [InlineData("It was a day to remember")]
    [InlineData("She ran for a second term in office")]
    public void English_rates_and_plain_a_day_are_not_durations(string text)
    {
        Assert.DoesNotContain(Patterns(text, "en"), m => m.Type == EntityType.Duration);
    }

    [Fact]
    public void A_rate_after_a_duration_is_not_a_second_duration()
    {
        var durations = Patterns("Nurses work 40 hours a week here", "en").Where(m => m.Type == EntityType.Duration);
        Assert.Equal([("40 hours", EntityType.Duration, (string?)"PT40H")], durations);
    }

    [Theory]
    [InlineData("أعلنت النتائج عام 2024 في العاصمة")]
    [InlineData("ولد الكاتب سنة 1950 في القرية")]
    [InlineData("بدأ الاجتماع الساعة 10 صباحا")]
    [InlineData("سيعقد الاجتماع يوم الأحد المقبل")]
    [InlineData("اجتمع الوزراء في 3 مايو الماضي")]
    [InlineData("حضر الاجتماع الأمينان العامين للحزبين")]
    [InlineData("في نيسان عام 1945 عقد مؤتمر دولي")]
    [InlineData("يبقى يوم 3 مايو لعام 1971 يوما تاريخيا")]
    [InlineData("فاز الفريق 3 / 5 يوم الأحد الماضي")]
    [InlineData("ورد في المحضر رقم 9 عام ( 1921 ) ما يلي")]
    [InlineData("The boy, 5 years old, was found safe")]
    [InlineData("The 15-year-old won the race")]
    [InlineData("Analysts cut their forecasts for the 1996 year on Monday")]
    public void Years_clock_times_and_dates_are_not_durations(string text)
    {
        Assert.DoesNotContain(Patterns(text, text[0] < 'ـ' ? "en" : "ar"), m => m.Type == EntityType.Duration);
    }

    [Fact]
    public void A_day_before_a_month_stays_a_date()
    {
        var mentions = Patterns("وصل الوفد في 3 مايو 2024 بعد رحلة");
        Assert.Equal([("3 مايو 2024", EntityType.Date, (string?)"2024-05-03")], mentions);
    }

    [Theory]
    [InlineData("يبلغ طول الطريق 300 كم عبر الصحراء", "300 كم", "300 km")]
    [InlineData("تبعد المدينة 120 كيلومترا عن الساحل", "120 كيلومترا", "120 km")]
    [InlineData("نقلت الشاحنة 1.5 طن من القمح", "1.5 طن", "1.5 t")]
    [InlineData("ينتج الحقل مليوني برميل يوميا", "مليوني برميل", "2000000 bbl")]
    [InlineData("ينتج الحقل مليون برميل يوميا", "مليون برميل", "1000000 bbl")]
    [InlineData("بلغت الحرارة 20 درجة مئوية ظهرا", "20 درجة مئوية", "20 °C")]
    [InlineData("تمتد الغابة على 500 كيلومتر مربع من الأرض", "500 كيلومتر مربع", "500 km2")]
    [InlineData("صودرت 40 كلغ من المخدرات", "40 كلغ", "40 kg")]
    [InlineData("زرع المزارعون 200 دونم بالقمح", "200 دونم", "200 dunam")]
    [InlineData("سار القطار بسرعة 300 كم/ساعة", "300 كم/ساعة", "300 km/h")]
    [InlineData("ضخت المحطة 3 ملايين متر مكعب من الغاز", "3 ملايين متر مكعب", "3000000 m3")]
    [InlineData("The pipeline runs 300 km to the coast", "300 km", "300 km")]
    [InlineData("The train reached 320 km/h on the test", "320 km/h", "320 km/h")]
    [InlineData("Output rose by two million barrels a day", "two million barrels", "2000000 bbl")]
    [InlineData("The plant makes 40 megawatts of power", "40 megawatts", "40 MW")]
    [InlineData("It was 20°C at noon", "20°C", "20 °C")]
    [InlineData("Floods covered 12 square kilometres of farmland", "12 square kilometres", "12 km2")]
    public void Quantities_have_a_number_and_unit_code(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Quantity, (string?)value), Patterns(text, text[0] < 'ـ' ? "en" : "ar"));
    }

    [Theory]
    [InlineData("نشر الكاتب 300 مقال في حياته")]
    [InlineData("تأسست المدينة عام 1200 م على النهر")]
    [InlineData("استدار الرجل 180 درجة ومضى")]
    [InlineData("Sales reached 5m units last year")]
    public void Plain_numbers_and_other_words_are_not_quantities(string text)
    {
        Assert.DoesNotContain(Patterns(text, text[0] < 'ـ' ? "en" : "ar"), m => m.Type == EntityType.Quantity);
    }

    [Theory]
    [InlineData("بلغ عدد السكان مليون و300 ألف نسمة", "مليون و300 ألف", "1300000")]
    [InlineData("بلغ عدد السكان ثلاثة ملايين و500 ألف نسمة", "ثلاثة ملايين و500 ألف", "3500000")]
    [InlineData("شارك في المسيرة 5 آلاف و200 شخص", "5 آلاف و200", "5200")]
    [InlineData("شارك في المسيرة مليونان من الناس", "مليونان", "2000000")]
    [InlineData("تضم المكتبة ألفين من الكتب", "ألفين", "2000")]
    [InlineData("تضم المكتبة ألفي كتاب", "ألفي", "2000")]
    [InlineData("وصل إلى الميناء ثلاثمئة بحار", "ثلاثمئة", "300")]
    [InlineData("وصل إلى الميناء مئة وخمسون بحارا", "مئة وخمسون", "150")]
    [InlineData("فاز الفريق بخمسة وعشرين صوتا مقابل خمسة عشر", "خمسة عشر", "15")]
    [InlineData("حضر خمسة وعشرون نائبا الجلسة", "خمسة وعشرون", "25")]
    [InlineData("بلغ عدد الزوار مليون و 300 ألف زائر", "مليون و 300 ألف", "1300000")]
    [InlineData("بلغ عدد الزوار ثلاثة ملايين وخمسمئة ألف زائر", "ثلاثة ملايين وخمسمئة ألف", "3500000")]
    public void Compound_numbers_are_one_number(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Number, (string?)value), Patterns(text));
    }

    [Theory]
    [InlineData("نشأ المذهب في القرن التاسع عشر في أوروبا")]
    [InlineData("تراجعت المبيعات في الأشهر الاثني عشر الماضية")]
    [InlineData("سمعنا صوتك طوال الخمسة عشر يوما الأولى")]
    public void Ten_after_a_unit_or_an_ordinal_is_part_of_a_teen_not_ten(string text)
    {
        Assert.DoesNotContain(Patterns(text), m => m.Value is "10" or "P10D");
    }

    [Fact]
    public void A_construct_dual_is_a_number_only_before_a_noun()
    {
        Assert.DoesNotContain(Patterns("احتشد جمع مليوني في الميدان"), m => m.Type == EntityType.Number);
    }

    [Theory]
    [InlineData("بلغت الصفقة مليون و300 ألف دولار", "مليون و300 ألف دولار", "USD 1300000")]
    [InlineData("بلغت الصفقة 3 ملايين دولار أمريكي", "3 ملايين دولار أمريكي", "USD 3000000")]
    [InlineData("بلغت الصفقة مليار دولار", "مليار دولار", "USD 1000000000")]
    [InlineData("بلغت العائدات عشرة بلايين دولار", "عشرة بلايين دولار", "USD 10000000000")]
    public void Compound_amounts_of_money_are_one_amount(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Money, (string?)value), Patterns(text));
    }

    [Fact]
    public void Compound_amounts_before_units_are_one_quantity()
    {
        Assert.Contains(("مليون و300 ألف برميل", EntityType.Quantity, (string?)"1300000 bbl"), Patterns("صدر البلد مليون و300 ألف برميل"));
    }

    [Theory]
    [InlineData("جرى التصويت في 1990 و2000 على المشروع", "1990", "2000")]
    [InlineData("قتل 5 ملايين و3 ملايين هجروا", "5 ملايين", "3 ملايين")]
    public void Numbers_joined_by_and_without_a_larger_multiplier_stay_apart(string text, string first, string second)
    {
        var numbers = Patterns(text).Where(m => m.Type == EntityType.Number).Select(m => m.Text).ToArray();
        Assert.Contains(first, numbers);
        Assert.DoesNotContain(numbers, n => n.Contains(first, StringComparison.Ordinal) && n.Contains(second, StringComparison.Ordinal));
    }
}

public sealed class DurationQuantityHandTokenizerTests : DurationQuantityEntityTests
{
    private protected override AnalyzedText Analyze(string text, string language) => HandAnalyzer.Analyze(text, language);
}

public sealed class DurationQuantityRealTokenizerTests : DurationQuantityEntityTests
{
    private protected override AnalyzedText Analyze(string text, string language) => RealAnalyzer.Analyze(text, language);
}
