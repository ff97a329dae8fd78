// Amounts as the applicant reads them on a receipt: "30.000 đ".
export const formatVnd = (n: number): string => `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
