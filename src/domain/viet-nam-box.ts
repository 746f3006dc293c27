// The box around Viet Nam, islands included (Trường Sa reaches 7.18°N and 117.83°E), that every
// coordinate a form takes must lie in: the same box as the database's private.in_viet_nam
// (tests/db/viet-nam-box.test.ts holds the two together).
export const vietNamBox = {
  lat: { min: 7, max: 24 },
  lng: { min: 102, max: 118 },
} as const;
