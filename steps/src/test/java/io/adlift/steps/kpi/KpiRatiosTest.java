package io.adlift.steps.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KpiRatiosTest {

    @Test
    void shouldComputeEveryRatioFromTotals() {
        KpiRatios r = KpiRatios.of(new KpiTotals(20_000, 50, 75.0, 10, 4, 300.0));

        assertThat(r.ctr()).isCloseTo(0.0025, within(1e-12));
        assertThat(r.cpc()).isCloseTo(1.5, within(1e-12));
        assertThat(r.cpm()).isCloseTo(3.75, within(1e-12));
        assertThat(r.cvr()).isCloseTo(0.2, within(1e-12));
        assertThat(r.cpa()).isCloseTo(7.5, within(1e-12));
        assertThat(r.costPerApproved()).isCloseTo(18.75, within(1e-12));
        assertThat(r.roas()).isCloseTo(4.0, within(1e-12));
        assertThat(r.roi()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void shouldGiveNullNotZeroOrInfinityForZeroDenominators() {
        KpiRatios r = KpiRatios.of(new KpiTotals(900, 0, 0.0, 0, 0, 0.0));

        assertThat(r.ctr()).isZero();
        assertThat(r.cpc()).isNull();
        assertThat(r.cvr()).isNull();
        assertThat(r.cpa()).isNull();
        assertThat(r.costPerApproved()).isNull();
        assertThat(r.roas()).isNull();
        assertThat(r.roi()).isNull();
    }

    @Test
    void shouldLeaveRevenueRatiosNullWithoutAConfiguredValue() {
        KpiRatios r = KpiRatios.of(new KpiTotals(100, 10, 5.0, 1, 1, null));

        assertThat(r.roas()).isNull();
        assertThat(r.roi()).isNull();
        assertThat(r.cpc()).isEqualTo(0.5);
    }
}
