using GrpcNlp.Core.Entities;

namespace GrpcNlp.Core.Tests.Entities;

public sealed class BatchEntityLinkerTests
{
    [Fact]
    public void A_name_links_to_an_earlier_one_that_contains_it_or_that_it_contains()
    {
        var linker = new BatchEntityLinker();
        int biden = linker.Link("جو بايدن", EntityType.Person);
        Assert.Equal(1, biden);
        Assert.Equal(biden, linker.Link("بايدن", EntityType.Person));
        Assert.Equal(2, linker.Link("رفح", EntityType.Location));
        Assert.Equal(biden, linker.Link("الرئيس جو بايدن", EntityType.Person));
        Assert.Equal(2, linker.Count);
    }

    [Fact]
    public void A_short_name_first_takes_the_longer_name_later_and_keeps_its_number()
    {
        var linker = new BatchEntityLinker();
        int marsh = linker.Link("Marsh", EntityType.Person);
        Assert.Equal(marsh, linker.Link("Helen Marsh", EntityType.Person));

        // "Helen" alone now finds the entity through the longer name it took.
        Assert.Equal(marsh, linker.Link("Helen", EntityType.Person));
    }

    [Fact]
    public void Names_are_compared_folded()
    {
        var linker = new BatchEntityLinker();
        int first = linker.Link("الأمم المتحدة", EntityType.Organization);
        Assert.Equal(first, linker.Link("الامم المتحده", EntityType.Organization));
    }

    [Fact]
    public void Types_never_mix_and_values_link_by_their_whole_text()
    {
        var linker = new BatchEntityLinker();
        int person = linker.Link("Jordan", EntityType.Person);
        int place = linker.Link("Jordan", EntityType.Location);
        Assert.NotEqual(person, place);
        int date = linker.Link("3 مايو 2024", EntityType.Date);
        Assert.Equal(date, linker.Link("3 مايو 2024", EntityType.Date));
        Assert.NotEqual(date, linker.Link("مايو 2024", EntityType.Date));
    }

    [Fact]
    public void The_first_matching_entity_wins_when_several_match()
    {
        var linker = new BatchEntityLinker();
        int joe = linker.Link("جو بايدن", EntityType.Person);
        int hunter = linker.Link("هانتر بايدن", EntityType.Person);
        Assert.NotEqual(joe, hunter);
        Assert.Equal(joe, linker.Link("بايدن", EntityType.Person));
    }
}
