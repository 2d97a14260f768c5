using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Entities;

/// <summary>Entity cases, run once with the hand tokenizer and once with the real one.</summary>
public abstract class EntityExtractorTests
{
    private static readonly EntityExtractor s_extractor = new();

    private protected abstract AnalyzedText Analyze(string text, string language);

    private EntityResult Extract(string text, string language = "ar", params EntityType[] types) =>
        s_extractor.Extract(Analyze(text, language), types, TestContext.Current.CancellationToken);

    private (string Text, EntityType Type, string? Value)[] Mentions(string text, string language = "ar", params EntityType[] types)
    {
        EntityResult result = Extract(text, language, types);
        return result.Mentions.Select(m => (text[m.Span.Start..m.Span.End], m.Type, m.NormalizedValue)).ToArray();
    }

    [Theory]
    [InlineData("وصل الوفد في 19 يناير 2024 إلى المدينة", "19 يناير 2024", "2024-01-19")]
    [InlineData("وصل الوفد في 19 كانون الثاني 2024 إلى المدينة", "19 كانون الثاني 2024", "2024-01-19")]
    [InlineData("عقد الاجتماع في 19 يناير/كانون الثاني الماضي", "19 يناير/كانون الثاني", "--01-19")]
    [InlineData("يبدأ المعرض في ٣ تشرين الأول ٢٠٢٥ ويستمر", "٣ تشرين الأول ٢٠٢٥", "2025-10-03")]
    [InlineData("افتتح المصنع في أيار 2019", "أيار 2019", "2019-05")]
    [InlineData("The talks began on January 19, 2024 in the city", "January 19, 2024", "2024-01-19")]
    [InlineData("The talks began on 5 March and ended", "5 March", "--03-05")]
    [InlineData("It opened on the 21st of nothing but on 2 August 1990 too", "2 August 1990", "1990-08-02")]
    public void Dates_are_found_with_iso_values(string text, string expected, string value)
    {
        var dates = Mentions(text, "ar", EntityType.Date);
        Assert.Contains((expected, EntityType.Date, (string?)value), dates);
    }

    [Fact]
    public void Weekday_is_a_date_without_value()
    {
        var dates = Mentions("سيعقد الاجتماع يوم الخميس المقبل", "ar", EntityType.Date);
        Assert.Equal([("الخميس المقبل", EntityType.Date, (string?)null)], dates);
    }

    [Fact]
    public void Weekday_before_a_date_joins_it()
    {
        var dates = Mentions("Talks resume on Friday, 7 June 2024 at noon", "en", EntityType.Date);
        Assert.Equal([("Friday, 7 June 2024", EntityType.Date, (string?)"2024-06-07")], dates);
    }

    [Theory]
    [InlineData("بلغت الصفقة 300 دولار فقط", "300 دولار", "USD 300")]
    [InlineData("بلغت الصفقة 3 ملايين دولار أمريكي", "3 ملايين دولار أمريكي", "USD 3000000")]
    [InlineData("سعر السلعة 50 جنيها إسترلينيا", "50 جنيها إسترلينيا", "GBP 50")]
    [InlineData("سعر السلعة 50 جنيها فقط", "50 جنيها", "EGP 50")]
    [InlineData("The deal was worth $1,250.50 in total", "$1,250.50", "USD 1250.5")]
    [InlineData("They paid 20 euros each", "20 euros", "EUR 20")]
    [InlineData("They paid USD 300 million", "USD 300 million", "USD 300000000")]
    public void Money_is_resolved(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Money, (string?)value), Mentions(text, "ar"));
    }

    [Theory]
    [InlineData("ارتفع التضخم بنسبة 7.5% هذا العام", "7.5%", "7.5")]
    [InlineData("ارتفع التضخم بنسبة ٧٫٥٪ هذا العام", "٧٫٥٪", "7.5")]
    [InlineData("انخفضت البطالة 12 بالمئة", "12 بالمئة", "12")]
    [InlineData("انخفضت البطالة 12 في المئة", "12 في المئة", "12")]
    [InlineData("Turnout rose to 64 percent", "64 percent", "64")]
    public void Percentages_are_resolved(string text, string expected, string value)
    {
        Assert.Contains((expected, EntityType.Percent, (string?)value), Mentions(text));
    }

    [Fact]
    public void Numbers_urls_and_emails_are_found()
    {
        const string Text = "زار الموقع 1,500 شخص عبر https://example.org/news وراسلوا info@example.org للاستفسار";
        var mentions = Mentions(Text);
        Assert.Contains(("1,500", EntityType.Number, (string?)"1500"), mentions);
        Assert.Contains(("https://example.org/news", EntityType.Url, (string?)null), mentions);
        Assert.Contains(("info@example.org", EntityType.Email, (string?)null), mentions);
    }

    [Fact]
    public void Arabic_number_words_are_numbers()
    {
        var mentions = Mentions("أصيب خمسة أشخاص وبلغت الخسائر ثلاثة ملايين دولار", "ar");
        Assert.Contains(("خمسة", EntityType.Number, (string?)"5"), mentions);
        Assert.Contains(("ثلاثة ملايين دولار", EntityType.Money, (string?)"USD 3000000"), mentions);
    }

    [Fact]
    public void English_ordinals_are_found()
    {
        Assert.Contains(("3rd", EntityType.Ordinal, (string?)"3"), Mentions("She finished 3rd in the race", "en"));
    }

    [Fact]
    public void Title_rule_finds_a_person_after_a_nationality()
    {
        const string Text = "استقبل الرئيس البرازيلي فرناندو سيلفيرا وزير الزراعة في القاهرة";
        var mentions = Mentions(Text);
        Assert.Contains(("فرناندو سيلفيرا", EntityType.Person, (string?)null), mentions);
    }

    [Fact]
    public void Gazetteer_finds_places_after_a_proclitic_with_exact_offsets()
    {
        const string Text = "سافر الوفد إلى القاهرة ثم وصل بالقاهرة ولندن";
        EntityResult result = Extract(Text, "ar");
        string[] locations = result.Mentions.Where(m => m.Type == EntityType.Location).Select(m => Text[m.Span.Start..m.Span.End]).ToArray();
        Assert.Contains("القاهرة", locations);
        Assert.Contains("لندن", locations);
        Assert.DoesNotContain("بالقاهرة", locations);
        Assert.DoesNotContain("ولندن", locations);
        Assert.Equal(2, locations.Count(l => l == "القاهرة"));
    }

    [Fact]
    public void English_title_and_gazetteer()
    {
        const string Text = "Yesterday Mr. Daniel Okafor met reporters in Boston.";
        var mentions = Mentions(Text, "en");
        Assert.Contains(("Daniel Okafor", EntityType.Person, (string?)null), mentions);
        Assert.Contains(("Boston", EntityType.Location, (string?)null), mentions);
    }

    [Fact]
    public void Full_name_and_surname_are_one_entity()
    {
        const string Text = "قال الوزير كمال الرفاعي إن الخطة جاهزة. وأضاف الرفاعي أن التنفيذ يبدأ قريبا. ثم غادر الرئيس سامر حداد المؤتمر، وكان حداد قد وصل مبكرا.";
        EntityResult result = Extract(Text, "ar", EntityType.Person);
        Entity haddad = Assert.Single(result.Entities, e => e.CanonicalName == "سامر حداد");
        Assert.Equal(2, haddad.MentionIndices.Count);
        Assert.Equal("حداد", Text[result.Mentions[haddad.MentionIndices[1]].Span.Start..result.Mentions[haddad.MentionIndices[1]].Span.End]);
    }

    [Fact]
    public void A_name_with_a_conjunction_and_preposition_attached_joins_its_entity_without_them()
    {
        const string Text = "أعلنت شركة كرونفيلد عن طراز جديد، وقالت كرونفيلد إن المبيعات ارتفعت ولكرونفيلد مصنع في ألمانيا.";
        EntityResult result = Extract(Text, "ar", EntityType.Organization);
        Entity company = Assert.Single(result.Entities);
        Assert.Equal("كرونفيلد", company.CanonicalName);
        Assert.Equal(3, company.MentionIndices.Count);
        TextSpan attached = result.Mentions[company.MentionIndices[2]].Span;
        Assert.Equal(Text.IndexOf("ولكرونفيلد", StringComparison.Ordinal) + 2, attached.Start);
        Assert.Equal("كرونفيلد", Text[attached.Start..attached.End]);
    }

    [Fact]
    public void A_surname_after_li_with_the_article_joins_the_full_name()
    {
        // "للرفاعي" is ل + "الرفاعي": the mention starts at the second ل and names "الرفاعي".
        const string Text = "زار الوزير كمال الرفاعي القاهرة، وقال للرفاعي مسؤولون إن الخطة جاهزة.";
        EntityResult result = Extract(Text, "ar", EntityType.Person);
        Entity rifai = Assert.Single(result.Entities);
        Assert.Equal("كمال الرفاعي", rifai.CanonicalName);
        Assert.Equal(2, rifai.MentionIndices.Count);
        Assert.Equal(Text.IndexOf("للرفاعي", StringComparison.Ordinal) + 1, result.Mentions[rifai.MentionIndices[1]].Span.Start);
    }

    [Fact]
    public void Mentions_are_in_text_order_and_point_to_their_entity()
    {
        const string Text = "التقى الرئيس سامر حداد نظيره في باريس يوم الأحد، ثم عاد حداد إلى باريس في 3 مايو.";
        EntityResult result = Extract(Text, "ar");
        Assert.True(result.Mentions.Zip(result.Mentions.Skip(1)).All(p => p.First.Span.Start < p.Second.Span.Start));
        for (int e = 0; e < result.Entities.Count; e++)
        {
            foreach (int m in result.Entities[e].MentionIndices)
            {
                Assert.Equal(e, result.Mentions[m].EntityIndex);
            }

            Assert.InRange(result.Entities[e].Salience, 0f, 1f);
        }

        Assert.True(result.Entities.Zip(result.Entities.Skip(1)).All(p => p.First.Salience >= p.Second.Salience));
        Assert.Equal(2, result.Entities.Single(e => e.CanonicalName == "باريس").MentionIndices.Count);
    }

    [Fact]
    public void Title_after_a_conjunction_and_role_with_domain()
    {
        const string Text = "التقى الوزير نادر سلوم ورئيس الوزراء الكندي مارتن فيليبس ثم وزير الخارجية رامي عطوان في لندن";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.Contains("نادر سلوم", persons);
        Assert.Contains("مارتن فيليبس", persons);
        Assert.Contains("رامي عطوان", persons);
    }

    [Theory]
    [InlineData("وقال رئيس سلطة منطقة التجارة الحرة إن الأرباح ارتفعت هذا العام")]
    [InlineData("وأكد رئيس مجلس الإدارة أن البنك حقق أرباحا كبيرة وقال رئيس مجلس الإدارة إن العام كان جيدا")]
    public void A_role_before_its_domain_in_construct_is_no_name(string text)
    {
        // "رئيس مجلس الإدارة": the nouns after an indefinite role are its domain, not a person.
        Assert.Empty(Mentions(text, "ar", EntityType.Person));
    }

    [Fact]
    public void A_name_follows_a_role_with_two_domains()
    {
        const string Text = "التقى وزير الدولة لشؤون مجلس الوزراء سامي حداد بالوفد في العاصمة";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.Equal(["سامي حداد"], persons);
    }

    [Fact]
    public void The_place_of_a_post_after_a_title_is_no_part_of_the_name()
    {
        const string Text = "قال السفير الألماني بأفغانستان هانز شميدت إن الوضع صعب";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.Equal(["هانز شميدت"], persons);
    }

    [Fact]
    public void A_conjunction_and_the_article_start_no_name_after_a_title()
    {
        const string Text = "وتمت معالجتها بعد اجتماع بين المدرب واللاعبين واجتماع آخر مع الإدارة";
        Assert.Empty(Mentions(Text, "ar", EntityType.Person));
    }

    [Fact]
    public void A_surname_the_text_also_writes_with_the_article_is_not_looked_for_alone()
    {
        // "جمعة" is a surname here and "Friday" later, where the text also writes "الجمعة".
        const string Text = "قال الفنان سامي جمعة إن العرض يبدأ يوم الجمعة ويعرض البرنامج كل جمعة في المساء";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.Equal(["سامي جمعة"], persons);
    }

    [Fact]
    public void A_regnal_ordinal_is_not_looked_for_alone()
    {
        const string Text = "استقبل الملك عبدالله الثاني الوفد أمس وارتفعت الصادرات في الربع الثاني من العام";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.Equal(["عبدالله الثاني"], persons);
    }

    [Fact]
    public void A_surname_with_the_article_after_a_noun_with_it_is_an_adjective()
    {
        // "العالم العربي" is "the Arab world"; "وقال العربي" is the writer again.
        const string Text = "قال الكاتب سامي العربي إن العالم العربي يواجه أزمة طويلة وقال العربي إن الحل قريب";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.Equal(["سامي العربي", "العربي"], persons);
    }

    [Fact]
    public void The_word_after_a_name_link_is_not_looked_for_alone()
    {
        // "ربه" of "عبد ربه" is "his Lord" alone.
        const string Text = "أحرز حسني عبد ربه الهدف الأول في المباراة ودعا كل لاعب ربه أن ينصر الفريق";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.Equal(["حسني عبد ربه"], persons);
    }

    [Fact]
    public void A_surname_that_is_a_title_is_not_looked_for_alone()
    {
        const string Text = "أحرز طارق السيد الهدف الأول في المباراة وقال السيد إن الفوز مستحق";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.DoesNotContain("السيد", persons);
        Assert.Contains("طارق السيد", persons);
    }

    [Theory]
    [InlineData("قدمت الفنانة برنامجا بعنوان « حكايات المدينة » على قناة محلية", "ar", "حكايات المدينة")]
    [InlineData("صدر للكاتبة كتاب جديد بعنوان \" مبدأ حواء \" هذا الشهر", "ar", "مبدأ حواء")]
    [InlineData("ويقدم برنامج « ألحقونا » كل أسبوع", "ar", "ألحقونا")]
    [InlineData("وتقام المباراة على استاد « سلتيك بارك » مساء اليوم", "ar", "سلتيك بارك")]
    [InlineData("She starred in the film \"Cold Rain\" last year", "en", "Cold Rain")]
    public void A_quoted_title_after_a_kind_of_work_is_misc(string text, string language, string expected)
    {
        Assert.Contains((expected, EntityType.Misc, (string?)null), Mentions(text, language, EntityType.Misc));
    }

    [Theory]
    [InlineData("ونشرت صحيفة « لوفيغارو » الفرنسية تقريرا مطولا", "لوفيغارو")]
    [InlineData("وأعلنت شركة « نجمة الشمال » عن منتج جديد", "نجمة الشمال")]
    public void A_quoted_name_after_a_kind_of_organization_is_an_organization(string text, string expected)
    {
        Assert.Contains((expected, EntityType.Organization, (string?)null), Mentions(text, "ar", EntityType.Organization));
    }

    [Theory]
    [InlineData("قال الوزير « سنواصل العمل » أمس", "ar")]
    [InlineData("وافق البرلمان على برنامج الإصلاح الاقتصادي", "ar")]
    [InlineData("ووصف البرنامج « بأنه خطوة أولى نحو إصلاح شامل للتعليم في البلاد » أمس", "ar")]
    public void Quotes_without_a_kind_of_work_or_too_long_are_no_title(string text, string language)
    {
        Assert.Empty(Mentions(text, language, EntityType.Misc));
    }

    [Theory]
    [InlineData("تعادل الفريق أمس مع ضيفه بورتو البرتغالي في المباراة الأولى", "بورتو")]
    [InlineData("وانتقل اللاعب إلى نادي سيرفيتا الأوكراني مطلع الموسم", "سيرفيتا")]
    [InlineData("وفاز مضيفه ستيوا بوخارست الروماني بهدفين نظيفين", "ستيوا بوخارست")]
    public void A_name_with_a_masculine_nationality_after_a_club_cue_is_an_organization(string text, string club)
    {
        Assert.Contains((club, EntityType.Organization, (string?)null), Mentions(text, "ar", EntityType.Organization));
    }

    [Fact]
    public void A_club_is_the_club_again_without_its_nationality()
    {
        const string Text = "وفاز مضيفه ستيوا بوخارست الروماني بهدفين نظيفين. وقال مدرب ستيوا بوخارست إن فريقه لعب جيدا";
        Assert.Equal(2, Mentions(Text, "ar", EntityType.Organization).Count(m => m.Text == "ستيوا بوخارست"));
    }

    [Fact]
    public void A_word_with_the_article_after_a_club_cue_is_the_club_in_a_text_about_sport()
    {
        const string Text = "حقق فريق الشباك بداية قوية في الدوري هذا الموسم. وسجل لاعب الشباك هدفين في المباراة. وأشاد المدرب بالمنتخب الشباك";
        (string Text, EntityType Type, string? Value)[] clubs = Mentions(Text, "ar", EntityType.Organization);
        Assert.Equal(2, clubs.Count(m => m.Text == "الشباك"));
    }

    [Theory]
    [InlineData("سحق الفريق ضيفه دينامو كييف بخمسة أهداف في مباراة الدوري", "دينامو كييف")]
    [InlineData("وانضم المهاجم إلى نادي برشلونة بعد نهاية الموسم", "برشلونة")]
    public void A_name_after_a_club_cue_is_the_club_in_a_text_about_sport(string text, string club)
    {
        Assert.Contains((club, EntityType.Organization, (string?)null), Mentions(text, "ar", EntityType.Organization));
    }

    [Theory]
    [InlineData("بدأ فريق العمل دراسة المشروع الجديد أمس")]
    [InlineData("فاز المنتخب في المباراة على ضيفه البوروندي بهدفين")]
    [InlineData("سجل اللاعب هدفا في الملعب الخاص بفريق العاصمة الإسبانية")]
    public void No_club_without_sport_after_a_guest_or_before_a_feminine_adjective(string text)
    {
        Assert.Empty(Mentions(text, "ar", EntityType.Organization));
    }

    [Theory]
    [InlineData("وسجل البرازيلي الهدف الثاني في الدقيقة العاشرة")]
    [InlineData("وصل الوزير إلى مطار عمان الأردني صباح أمس")]
    [InlineData("زار الوفد مدينة ليون الفرنسية أمس")]
    public void A_verb_a_place_head_or_a_feminine_nationality_makes_no_club(string text)
    {
        Assert.Empty(Mentions(text, "ar", EntityType.Organization));
    }

    [Theory]
    [InlineData("أعلن البنك التجاري أمس عن أرباح قياسية", "البنك التجاري", "البنك التجاري")]
    [InlineData("وافقت الجمعية العمومية للبنك الزراعي على الميزانية", "لبنك الزراعي", "البنك الزراعي")]
    [InlineData("رفع المصرف المركزي الأوروبي سعر الفائدة", "المصرف المركزي الأوروبي", "المصرف المركزي الأوروبي")]
    public void The_bank_with_a_relational_adjective_is_an_organization(string text, string span, string canonical)
    {
        EntityResult result = Extract(text, "ar", [EntityType.Organization]);
        EntityMention mention = Assert.Single(result.Mentions, m => text[m.Span.Start..m.Span.End] == span);
        Assert.Equal(EntityType.Organization, mention.Type);
        Assert.Contains(result.Entities, e => e.CanonicalName == canonical);
    }

    [Fact]
    public void The_bank_with_an_adjective_of_rank_is_no_name()
    {
        Assert.Empty(Mentions("ارتفع رأس مال البنك الأساسي هذا العام", "ar", EntityType.Organization));
    }

    [Fact]
    public void A_word_the_text_writes_after_a_verb_particle_is_no_name_word()
    {
        // Without "لن يمثل" the title rule reads "حداد يمثل" as a full name and then "يمثل" alone.
        const string Text = "وقال إن الرئيس حداد يمثل بلاده في القمة . ولن يمثل الوفد أمام المحكمة . ويمثل الوزير الحكومة";
        string[] persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.DoesNotContain(persons, p => p.Contains("يمثل", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("وقع انفجار في حي الزهراء جنوب العاصمة صباح اليوم", new[] { "الزهراء" })]
    [InlineData("وانفجرت عبوة ناسفة بشارع الرشيد وسط العاصمة", new[] { "الرشيد" })]
    [InlineData("واقتحمت القوات بلدتي الباذان وطلوزة فجر اليوم", new[] { "الباذان", "طلوزة" })]
    public void A_word_with_the_article_after_a_kind_of_place_is_the_place(string text, string[] places)
    {
        string[] found = Mentions(text, "ar", EntityType.Location).Select(m => m.Text).ToArray();
        Assert.All(places, place => Assert.Contains(place, found));
    }

    [Theory]
    [InlineData("زار الوفد مخيم المدينة أمس")]
    [InlineData("يقع المطعم في الحي الثاني من المدينة")]
    [InlineData("انتقلت الأسرة إلى مدينة كبيرة في الشمال")]
    public void A_kind_of_place_before_a_kind_of_place_an_ordinal_or_an_adjective_names_nothing(string text)
    {
        Assert.Empty(Mentions(text, "ar", EntityType.Location));
    }

    [Fact]
    public void A_party_is_named_after_hizb_and_by_its_word_alone_nearby()
    {
        const string Text = "وأعلن حزب الأحرار فوزه في الانتخابات . وقال زعيم الأحرار إن الحكومة ستتشكل قريبا";
        string[] parties = Mentions(Text, "ar", EntityType.Organization).Select(m => m.Text).ToArray();
        Assert.Contains("حزب الأحرار", parties);
        Assert.Contains("الأحرار", parties);
    }

    [Theory]
    [InlineData("وأعلن حزب إسلامي جديد مشاركته في الانتخابات")]
    [InlineData("وفاز الحزب الديمقراطي في الانتخابات")]
    public void Hizb_before_an_adjective_or_with_the_article_names_no_party(string text)
    {
        Assert.DoesNotContain(Mentions(text, "ar", EntityType.Organization), m => m.Text.StartsWith("حزب", StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_of_marks_only_after_a_title_ends_the_name()
    {
        // "ـ" (a lone tatweel) folds to nothing: the title rule must step over it, not fail.
        const string Text = "التقى السفير الألماني ـ أمس وفدا من الوزارة";
        Assert.Empty(Mentions(Text, "ar", EntityType.Person));
    }

    [Fact]
    public void An_honorific_is_a_title_not_part_of_the_name()
    {
        // The title rules alone (no tagger), so that the honorific is what finds the name.
        const string Text = "واستقبل معالي سامر الفاسي وسعادة نادر حداد الوفد في الوزارة";
        var withoutTagger = new EntityExtractor(_ => null);
        EntityResult result = withoutTagger.Extract(Analyze(Text, "ar"), [EntityType.Person], TestContext.Current.CancellationToken);
        Assert.Equal(["سامر الفاسي", "نادر حداد"], result.Mentions.Select(m => Text[m.Span.Start..m.Span.End]));
    }

    [Fact]
    public void A_function_word_is_no_proclitic_on_a_surname()
    {
        // "لصالح" is "in favour of", not ل + the surname "صالح".
        const string Text = "قال الوزير سامي صالح إن القرار جاء لصالح المواطنين";
        var persons = Mentions(Text, "ar", EntityType.Person).Select(m => m.Text).ToArray();
        Assert.Equal(["سامي صالح"], persons);
    }

    [Fact]
    public void A_noun_with_a_pronoun_ends_a_name_after_a_title()
    {
        // "حكومته" ("his government"): ة written as ت before the pronoun.
        const string Text = "وقال السفير سامي حكومته مستعدة للحوار";
        var withoutTagger = new EntityExtractor(_ => null);
        EntityResult result = withoutTagger.Extract(Analyze(Text, "ar"), [EntityType.Person], TestContext.Current.CancellationToken);
        Assert.DoesNotContain(result.Mentions, m => Text[m.Span.Start..m.Span.End].Contains("حكومته", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lone_unknown_word_after_a_title_is_not_a_person()
    {
        const string Text = "قال إن الرئيس ورئيس الوزراء ناقشا الخطة مجددًا";
        Assert.Empty(Mentions(Text, "ar", EntityType.Person));
    }

    [Fact]
    public void Surname_repeated_after_a_full_name_is_found()
    {
        const string Text = "The report by Dr. Helen Marsh was published. Marsh said more work is needed.";
        EntityResult result = Extract(Text, "en", EntityType.Person);
        Entity marsh = Assert.Single(result.Entities);
        Assert.Equal("Helen Marsh", marsh.CanonicalName);
        Assert.Equal(2, marsh.MentionIndices.Count);
    }

    [Fact]
    public void Proclitic_with_a_diacritic_is_cut_exactly()
    {
        const string Text = "زار الوفد دمشق وَالقاهرة أمس";
        EntityResult result = Extract(Text, "ar", EntityType.Location);
        Assert.Contains(result.Mentions, m => Text[m.Span.Start..m.Span.End] == "القاهرة" && m.Span.Start == Text.IndexOf("ال", 15, StringComparison.Ordinal));
    }

    [Fact]
    public void Longest_gazetteer_match_wins()
    {
        const string Text = "أعلنت الولايات المتحدة أمس خطة جديدة";
        var locations = Mentions(Text, "ar", EntityType.Location).Select(m => m.Text).ToArray();
        Assert.Equal(["الولايات المتحدة"], locations);
    }

    [Fact]
    public void Weekday_and_parenthesised_alternate_month()
    {
        var dates = Mentions("عقدت القمة الجمعة 19 يناير (كانون الثاني) 2024 في المدينة", "ar", EntityType.Date);
        Assert.Equal([("الجمعة 19 يناير (كانون الثاني) 2024", EntityType.Date, (string?)"2024-01-19")], dates);
    }

    [Fact]
    public void Impossible_day_is_not_a_date()
    {
        var dates = Mentions("It was due on 31 February 2023 apparently", "en", EntityType.Date);
        Assert.DoesNotContain(dates, d => d.Text.StartsWith("31", StringComparison.Ordinal));
        Assert.Contains(("February 2023", EntityType.Date, (string?)"2023-02"), dates);
    }

    [Fact]
    public void Type_filter_keeps_only_requested_types()
    {
        EntityResult result = Extract("وصل 300 شخص إلى باريس في 3 مايو", "ar", EntityType.Location);
        Assert.All(result.Mentions, m => Assert.Equal(EntityType.Location, m.Type));
        Assert.NotEmpty(result.Mentions);
    }

    [Fact]
    public void Empty_text_gives_empty_result()
    {
        EntityResult result = Extract(string.Empty);
        Assert.Empty(result.Mentions);
        Assert.Empty(result.Entities);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        AnalyzedText text = HandAnalyzer.Analyze(string.Concat(Enumerable.Repeat("زار الوفد باريس في 3 مايو. ", 50)));
        Assert.Throws<OperationCanceledException>(() => s_extractor.Extract(text, [], new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Data_files_are_embedded_and_folded()
    {
        Assert.NotEmpty(Lexicons.Gazetteer);
        Assert.All(Lexicons.Gazetteer.Keys, k => Assert.Equal(EntityText.Fold(k), k));
        Assert.Contains("في", (IReadOnlySet<string>)Lexicons.StopWords);
        Assert.Contains("the", (IReadOnlySet<string>)Lexicons.StopWords);
        string[] names = typeof(EntityExtractor).Assembly.GetManifestResourceNames();
        Assert.Contains("Arabic/Data/gazetteer.tsv", names);
        Assert.Contains("English/Data/stop_words.txt", names);
    }
}

public sealed class EntityExtractorHandTokenizerTests : EntityExtractorTests
{
    private protected override AnalyzedText Analyze(string text, string language) => HandAnalyzer.Analyze(text, language);
}

public sealed class EntityExtractorRealTokenizerTests : EntityExtractorTests
{
    private protected override AnalyzedText Analyze(string text, string language) => RealAnalyzer.Analyze(text, language);
}
