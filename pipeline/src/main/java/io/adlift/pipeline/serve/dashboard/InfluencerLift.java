package io.adlift.pipeline.serve.dashboard;

import io.adlift.pipeline.serve.ServeWebConfiguration;
import java.sql.Date;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The causal figures of the influencer data model: {@code kpi_influencer_summary}'s lift of the exposed users'
 * conversion rate over the control group's, its interval, the incremental revenue and iROAS, as of the latest
 * business date in the filter. Tracked ROAS (revenue the influencers' links recorded / payout) is beside it,
 * for contrast: it counts orders that would have happened anyway.
 */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class InfluencerLift {

    private final JdbcTemplate jdbc;

    InfluencerLift(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Dashboard.Causal> of(DashboardFilter filter) {
        return LatestDate.of(jdbc, "kpi_influencer_summary", filter).flatMap(date -> jdbc.query(
                "SELECT lift, lift_ci_low, lift_ci_high, incremental_revenue, iroas, roas, exposed_users, control_users "
                        + "FROM kpi_influencer_summary WHERE pipeline = ? AND business_date = ?",
                (rs, i) -> new Dashboard.Causal(date.toString(), DashboardQueries.number(rs.getObject(1)),
                        DashboardQueries.number(rs.getObject(2)), DashboardQueries.number(rs.getObject(3)),
                        DashboardQueries.number(rs.getObject(4)), DashboardQueries.number(rs.getObject(5)),
                        DashboardQueries.number(rs.getObject(6)), rs.getLong(7), rs.getLong(8)),
                filter.pipeline(), Date.valueOf(date)).stream().findFirst());
    }
}
