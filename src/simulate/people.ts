// Plausible Vietnamese applicants: names with a realistic family-name distribution (southern
// spellings for the Mekong delta: Huỳnh, Võ), 12-digit personal IDs and mobile numbers.
import { pickWeighted, type Rng } from './random';

// Share of family names in the south, rounded (Nguyễn ≈ 38%; the long tail is grouped) [U]
const familyNames = [
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Huỳnh', 52], ['Võ', 45], ['Phan', 45], ['Trương', 20],
  ['Đặng', 21], ['Bùi', 20], ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 8], ['Đinh', 6], ['Lâm', 7],
  ['Châu', 5], ['Mai', 5], ['Tô', 4], ['Đoàn', 5], ['Cao', 4], ['Thái', 3], ['Hoàng', 10],
] as const;
const maleMiddle = [['Văn', 55], ['Hữu', 8], ['Minh', 10], ['Quốc', 7], ['Thanh', 8], ['Công', 5], ['Đức', 4], ['Hoàng', 3]] as const;
const femaleMiddle = [['Thị', 60], ['Ngọc', 10], ['Thanh', 7], ['Kim', 7], ['Thu', 5], ['Mỹ', 5], ['Bích', 3], ['Hồng', 3]] as const;
const maleGiven = ['An', 'Bình', 'Cường', 'Dũng', 'Duy', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Kiệt', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Quang', 'Sang', 'Sơn', 'Tài', 'Tâm', 'Thắng', 'Thành', 'Thiện', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Việt', 'Vinh'] as const;
const femaleGiven = ['Anh', 'Châu', 'Diễm', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhi', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Tâm', 'Thảo', 'Thu', 'Thủy', 'Trâm', 'Trang', 'Trinh', 'Tuyết', 'Vân', 'Vy', 'Xuân', 'Yến'] as const;

/** Province codes of birth registration (first 3 digits of the personal ID): mostly Đồng Tháp. */
const birthProvinces = [['087', 86], ['082', 4], ['089', 3], ['086', 2], ['079', 2], ['083', 1], ['092', 2]] as const;

export type Gender = 'Nam' | 'Nữ';

export interface SimApplicant {
  readonly name: string;
  readonly gender: Gender;
  readonly birthDate: string;
  readonly personalId: string;
  readonly phone: string;
}

export function vietnameseName(rng: Rng, gender: Gender): string {
  const family = pickWeighted(rng, familyNames);
  const middle = pickWeighted(rng, gender === 'Nam' ? maleMiddle : femaleMiddle);
  const given = rng.pick(gender === 'Nam' ? maleGiven : femaleGiven);
  return `${family} ${middle} ${given}`;
}

/**
 * 12-digit personal ID: province of birth (3) + gender/century digit (0/1 for men/women born in
 * the 1900s, 2/3 in the 2000s) + last two digits of the birth year + 6 random digits.
 */
export function personalIdFor(rng: Rng, gender: Gender, birthYear: number, province = pickWeighted(rng, birthProvinces)): string {
  const century = birthYear >= 2000 ? 2 : 0;
  const genderDigit = century + (gender === 'Nữ' ? 1 : 0);
  const serial = String(rng.int(1_000_000)).padStart(6, '0');
  return `${province}${genderDigit}${String(birthYear % 100).padStart(2, '0')}${serial}`;
}

const mobilePrefixes = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '079', '081', '083', '085', '088', '056', '058'] as const;

export function mobilePhone(rng: Rng): string {
  return `${rng.pick(mobilePrefixes)}${String(rng.int(10_000_000)).padStart(7, '0')}`;
}

/** An adult applicant born 1940–2004 (most 1960–1995). */
export function simApplicant(rng: Rng): SimApplicant {
  const gender: Gender = rng.chance(0.5) ? 'Nam' : 'Nữ';
  const year = Math.round(Math.min(2004, Math.max(1940, 1978 + (rng.next() + rng.next() + rng.next() - 1.5) * 28)));
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(28);
  return {
    name: vietnameseName(rng, gender), gender,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    personalId: personalIdFor(rng, gender, year), phone: mobilePhone(rng),
  };
}
