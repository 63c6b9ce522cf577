using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class OdrdRankerTests
{
    private readonly OdrdRanker _ranker = new(new OdrdOptions(), new ImbalanceClassifier(new ImbalanceOptions()), new TravelTimeEstimator(new TravelTimeOptions()));

    private static OdrdCandidate Candidate(string id, double km = 1.0, double acceptance = 0.9, double rating = 4.8, double supply = 10, double demand = 4) =>
        new(id, km, acceptance, rating, supply, demand);

    private OdrdScore[] Rank(params OdrdCandidate[] candidates)
    {
        var scores = new OdrdScore[candidates.Length];
        Assert.Equal(candidates.Length, _ranker.Rank(candidates, scores));
        return scores;
    }

    [Fact]
    public void Score_is_the_weighted_mean_of_eta_acceptance_rating_and_supply_context()
    {
        var score = Rank(Candidate("a", km: 1.0, acceptance: 0.9, rating: 4.8, supply: 5, demand: 4))[0];

        var eta = Math.Exp(-3.25 / 8); // 1 km = 3.25 minutes
        var context = Math.Log(1.0 / 0.5) / Math.Log(2.0 / 0.5); // 4 drivers left for demand 4: ratio 1 -> 0.5
        Assert.Equal(3.25, score.EtaMinutes, 9);
        Assert.Equal(eta, score.EtaScore, 12);
        Assert.Equal(0.9, score.AcceptanceScore);
        Assert.Equal(0.8, score.RatingScore, 12);
        Assert.Equal(0.5, context, 12);
        Assert.Equal(context, score.SupplyContextScore, 12);
        Assert.Equal(1.0, score.CellRatioAfter, 12);
        Assert.Equal(SupplyContext.Neutral, score.Context);
        Assert.Equal(0.5 * eta + 0.2 * 0.9 + 0.1 * 0.8 + 0.2 * 0.5, score.Score, 12);
    }

    [Theory]
    [InlineData(10, 4, 1.0, SupplyContext.RelievesSurplus)] // 9 / 4 = 2.25, beyond 2.0
    [InlineData(9, 4, 1.0, SupplyContext.Neutral)] // 8 / 4 = 2.0: balanced, but as good as it gets
    [InlineData(3, 4, 0.0, SupplyContext.Neutral)] // 2 / 4 = 0.5: at the threshold, not in deficit, nothing to spare
    [InlineData(2, 4, 0.0, SupplyContext.DrainsDeficit)] // 1 / 4 = 0.25: critical
    [InlineData(1, 0, 1.0, SupplyContext.RelievesSurplus)] // a lone driver with no demand: quiet afterwards
    [InlineData(1, 0.5, 0.0, SupplyContext.DrainsDeficit)] // the only driver where someone is waiting
    public void Supply_context_costs_in_deficit_cells_and_helps_in_surplus_cells(double supply, double demand, double expected, SupplyContext context)
    {
        var score = Rank(Candidate("a", supply: supply, demand: demand))[0];

        Assert.Equal(expected, score.SupplyContextScore, 12);
        Assert.Equal(context, score.Context);
    }

    [Fact]
    public void Surplus_cell_driver_beats_deficit_cell_driver_at_equal_distance()
    {
        var random = new Random(99);
        for (var i = 0; i < 500; i++)
        {
            var km = random.NextDouble() * 5;
            var acceptance = random.NextDouble();
            var rating = 3 + random.NextDouble() * 2;
            var fromDeficit = Candidate("a-deficit", km, acceptance, rating, supply: random.Next(1, 5), demand: 10);
            var fromSurplus = Candidate("z-surplus", km, acceptance, rating, supply: random.Next(21, 40), demand: 10);

            var ranked = Rank(fromDeficit, fromSurplus);

            Assert.Equal("z-surplus", ranked[0].DriverId);
            Assert.True(ranked[0].Score > ranked[1].Score);
        }
    }

    [Fact]
    public void Nearer_beats_farther_all_else_equal()
    {
        var ranked = Rank(Candidate("far", km: 3), Candidate("near", km: 0.5), Candidate("mid", km: 1.5));

        Assert.Equal(["near", "mid", "far"], ranked.Select(s => s.DriverId));
    }

    [Fact]
    public void Equal_scores_are_ordered_by_driver_id_and_keep_their_candidate_index()
    {
        var ranked = Rank(Candidate("b"), Candidate("a"), Candidate("c"), Candidate("B"));

        Assert.Equal(["B", "a", "b", "c"], ranked.Select(s => s.DriverId));
        Assert.Equal([3, 1, 0, 2], ranked.Select(s => s.CandidateIndex));
    }

    [Fact]
    public void Scores_stay_within_zero_and_one_and_come_sorted()
    {
        var random = new Random(3);
        for (var round = 0; round < 50; round++)
        {
            var candidates = Enumerable.Range(0, 200).Select(i => Candidate(
                $"d{i}",
                km: random.Next(0, 10) == 0 ? 0 : random.NextDouble() * 30,
                acceptance: random.Next(0, 10) == 0 ? 1 : random.NextDouble(),
                rating: random.NextDouble() * 5,
                supply: random.Next(0, 30),
                demand: random.Next(0, 10) == 0 ? 0 : random.NextDouble() * 30)).ToArray();

            var ranked = Rank(candidates);

            for (var i = 0; i < ranked.Length; i++)
            {
                Assert.InRange(ranked[i].Score, 0, 1);
                Assert.True(i == 0 || ranked[i - 1].Score >= ranked[i].Score);
            }
        }
    }

    [Fact]
    public void Ranking_fifty_candidates_allocates_nothing()
    {
        var candidates = Enumerable.Range(0, 50).Select(i => Candidate($"d{i}", km: i * 0.1, supply: i % 7, demand: 3)).ToArray();
        var scores = new OdrdScore[50];
        _ranker.Rank(candidates, scores);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ranker.Rank(candidates, scores);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Too_many_candidates_a_short_destination_and_bad_fields_are_refused()
    {
        var tooMany = Enumerable.Range(0, 201).Select(i => Candidate($"d{i}")).ToArray();
        Assert.Equal("candidates", Assert.Throws<ArgumentOutOfRangeException>(() => _ranker.Rank(tooMany, new OdrdScore[201])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => _ranker.Rank([Candidate("a"), Candidate("b")], new OdrdScore[1])).ParamName);
        Assert.Equal("candidate.AcceptanceRate", Assert.Throws<ArgumentOutOfRangeException>(() => Rank(Candidate("a", acceptance: 1.5))).ParamName);
        Assert.Equal("candidate.Rating", Assert.Throws<ArgumentOutOfRangeException>(() => Rank(Candidate("a", rating: 6))).ParamName);
        Assert.Equal("candidate.DistanceKm", Assert.Throws<ArgumentOutOfRangeException>(() => Rank(Candidate("a", km: -1))).ParamName);
    }
}
