/** Shares and averages as the rep reads them, in their locale. */
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const signed = new Intl.NumberFormat(undefined, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });

export const formatPercent = (share: number) => percent.format(share);
export const formatSigned = (value: number) => signed.format(value);

const count = new Intl.NumberFormat();
export const formatCount = (value: number) => count.format(value);
