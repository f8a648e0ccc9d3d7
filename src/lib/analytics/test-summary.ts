// The test of independence of a cross-tab in words, the same on the page and in its CSV: which
// test it is (Rao–Scott with weights, Pearson's chi-square without), the caution when expected
// counts are small with the exact or simulated p that replaces it, and what the p means.
import type { CrossTab, IndependenceTest } from './crosstab';

/** A p-value as every results page prints it. */
export const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** The p-value a reader should go by: Rao–Scott with weights; otherwise exact or simulated when cautioned; otherwise Pearson's. */
export function decidingP(test: IndependenceTest): number {
	if (test.raoScott) return test.raoScott.p;
	if (test.caution.warned) return test.fisher ?? test.simulated ?? test.p;
	return test.p;
}

export function testSummary(t: CrossTab): string[] {
	if (t.multiple) return ['複数回答のため、独立性の検定は行っていません。'];
	const test = t.test;
	if (!test && t.hiding) return ['人数の少ないセルを伏せているため、独立性の検定の結果は示していません（統計量から伏せた人数が計算できてしまうため）。区分をまとめるか、絞り込みを外してください。'];
	if (!test) return ['回答が一つの区分に偏っているため、独立性の検定はできません。'];
	const lines: string[] = [];
	const rs = test.raoScott;
	if (rs)
		lines.push(
			`Rao–Scott の補正をしたカイ二乗検定（ウェイト付き。R の survey::svychisq、statistic = "F" と同じ）：F = ${rs.statistic.toFixed(3)}、自由度 ${rs.ndf.toFixed(2)}, ${rs.ddf.toFixed(1)}、${pText(rs.p)}`,
			`（参考）ウェイトを付けないピアソンのカイ二乗検定：χ² = ${test.statistic.toFixed(3)}、自由度 ${test.df}、${pText(test.p)}`
		);
	else lines.push(`ピアソンのカイ二乗検定：χ² = ${test.statistic.toFixed(3)}、自由度 ${test.df}、${pText(test.p)}`);
	if (test.caution.warned) {
		lines.push(
			`期待度数が 1 未満のセルがある、または 5 未満のセルが 20% を超える（最小の期待度数 ${test.caution.minExpected.toFixed(2)}、5 未満のセル ${Math.round(test.caution.lowShare * 100)}%）ため、カイ二乗分布による p 値は目安です。`
		);
		if (test.fisher !== undefined) lines.push(`フィッシャーの正確確率検定（両側）：${pText(test.fisher)}`);
		if (test.simulated !== undefined) lines.push(`モンテカルロ法（周辺度数を固定した 2,000 回の乱数表）による ${pText(test.simulated)}`);
	} else if (test.fisher !== undefined) lines.push(`（参考）フィッシャーの正確確率検定（両側）：${pText(test.fisher)}`);
	const p = decidingP(test);
	lines.push(p < 0.05 ? '5% 水準で、表側の区分によって回答に差があるといえます。' : '5% 水準では、表側の区分によって回答に差があるとはいえません。');
	return lines;
}
