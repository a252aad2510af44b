import Testing
@testable import BenchKit

@Suite struct SampleStatisticsTests {
    @Test func medianOfAnOddCountIsTheMiddleSample() {
        #expect(SampleStatistics([5, 1, 3]).median == 3)
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(SampleStatistics([4, 1, 3, 2]).median == 2.5)
    }

    @Test func minMaxAndMeanIgnoreSampleOrder() {
        let s = SampleStatistics([3, 9, 1, 7])
        #expect(s.min == 1)
        #expect(s.max == 9)
        #expect(s.mean == 5)
        #expect(s.count == 4)
    }

    @Test func percentilesInterpolateBetweenOrderStatistics() {
        let s = SampleStatistics([50, 10, 40, 20, 30])
        #expect(s.percentile(0) == 10)
        #expect(s.percentile(100) == 50)
        #expect(s.percentile(25) == 20)
        // rank (5 − 1)·0.9 = 3.6: 40 + 0.6·(50 − 40)
        #expect(abs(s.percentile(90) - 46) < 1e-12)
        // rank (4 − 1)·0.9 = 2.7 over [1, 2, 3, 4]: 3 + 0.7
        #expect(abs(SampleStatistics([1, 2, 3, 4]).percentile(90) - 3.7) < 1e-12)
    }

    @Test func madOfAKnownSet() {
        // median 2; deviations 1 1 0 0 2 4 7 → sorted 0 0 1 1 2 4 7 → median 1
        let s = SampleStatistics([1, 1, 2, 2, 4, 6, 9])
        #expect(s.mad == 1)
        #expect(s.madPercent == 50)
    }

    @Test func oneInterruptedSampleMovesNeitherMedianNorMAD() {
        let s = SampleStatistics([10, 10, 11, 10, 1000])
        #expect(s.median == 10)
        #expect(s.mad == 0)
        #expect(s.mean > 200)
    }

    @Test func iqrIsTheDistanceBetweenTheQuartiles() {
        #expect(SampleStatistics([10, 20, 30, 40, 50]).iqr == 20)
        #expect(SampleStatistics([1, 2, 3, 4]).iqr == 1.5)
    }

    @Test func oneSampleIsEveryStatistic() {
        let s = SampleStatistics([7])
        #expect(s.median == 7)
        #expect(s.min == 7 && s.max == 7 && s.mean == 7)
        #expect(s.percentile(90) == 7)
        #expect(s.mad == 0 && s.madPercent == 0 && s.iqr == 0)
    }

    @Test func madPercentIsInfiniteWhenTheMedianIsZeroButTheSamplesDiffer() {
        #expect(SampleStatistics([-1, 0, 1]).madPercent == .infinity)
        #expect(SampleStatistics([0, 0, 0]).madPercent == 0)
    }
}
