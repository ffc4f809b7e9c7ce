package io.adlift.pipeline.serve.dashboard;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/** A filter as a WHERE clause over a KPI table, with its arguments; a column the table lacks is not filtered on. */
record Where(String sql, Object[] args) {

    static Where of(DashboardFilter filter, String campaignColumn, String segmentColumn) {
        StringBuilder sql = new StringBuilder(" WHERE pipeline = ?");
        List<Object> args = new ArrayList<>(List.of(filter.pipeline()));
        if (filter.from() != null) {
            sql.append(" AND business_date >= ?");
            args.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND business_date <= ?");
            args.add(Date.valueOf(filter.to()));
        }
        if (filter.campaign() != null && campaignColumn != null) {
            sql.append(" AND ").append(campaignColumn).append(" = ?");
            args.add(filter.campaign());
        }
        if (filter.segment() != null && segmentColumn != null) {
            sql.append(" AND ").append(segmentColumn).append(" = ?");
            args.add(filter.segment());
        }
        return new Where(sql.toString(), args.toArray());
    }
}
