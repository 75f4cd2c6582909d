/**
 * The province's statistics: the public dashboard data ({@code GET /v1/public/stats}: reports and
 * dossiers per province, agency, category, procedure or commune, per ISO week and month over the
 * last year; cacheable) and the administrators' figures on top ({@code GET /v1/admin/stats}, and
 * {@code .csv} with the public figures too): users, active users per month, the share over 45,
 * notifications by channel. Reads counter items only (key schemes in {@code shared.stats}).
 */
package vn.smartprovince.province.stats;
