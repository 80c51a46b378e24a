/**
 * What rule authors write against: the fact a DRL rule matches, {@link io.github.cqskpi.rule.UnitPeriod}.
 *
 * <p>A rule states who and when in its condition, and what figure applies in its metadata;
 * its consequence hands the record to the engine, which measures it in the fixed order of
 * judgement:
 * <pre>
 * rule "DOSSIER_ONLINE_L4 province 2022"
 *     &#64;target("DOSSIER_ONLINE_L4")
 *     &#64;require("&gt; 80%")
 *     &#64;levels("PROVINCE")
 *     &#64;window("year 2022")
 *     &#64;quote("đối với cấp tỉnh trên 805 tổng số hồ sơ phát sinh dịch vụ công mức độ 4")
 *     &#64;reading("'trên 805' is read as more than 80%: a typing slip for '80%'")
 * when
 *     $r : UnitPeriod( level == Level.PROVINCE, endYear == 2022 )
 * then
 *     $r.judge(kcontext);
 * end
 * </pre>
 *
 * <p>As in {@link io.github.cqskpi}, nothing here is {@code null}: absent values are
 * {@link java.util.Optional}s, and the package is JSpecify {@code @NullMarked}.
 */
@NullMarked
package io.github.cqskpi.rule;

import org.jspecify.annotations.NullMarked;
