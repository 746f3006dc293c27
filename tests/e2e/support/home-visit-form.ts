// The home-visit request form in Vietnamese, filled in for a made-up person in Phường Phú Hội, for
// the specs that send a request through the page (the receipt, the status link it gives).
import { expect, type Page } from '@playwright/test';

export async function fillRequest(page: Page, name: string) {
  await page.getByLabel('Họ và tên', { exact: true }).fill(name);
  await page.getByLabel('Ngày', { exact: true }).fill('12');
  await page.getByLabel('Tháng', { exact: true }).fill('3');
  await page.getByLabel('Năm', { exact: true }).fill('1938');
  await page.getByLabel('Cao tuổi, già yếu').check();
  // The campaign's province comes chosen.
  await expect(page.getByLabel('Tỉnh, thành phố')).toHaveValue('46');
  await page.getByLabel('Quận, huyện, thị xã').selectOption({ label: 'Thành phố Huế' });
  await page.getByLabel('Xã, phường, thị trấn').selectOption({ label: 'Phường Phú Hội' });
  await page.getByLabel('Số nhà, đường, tổ dân phố hoặc thôn, bản').fill('12 kiệt 5 Nguyễn Công Trứ');
  await page.getByLabel('Cách tìm nhà (không bắt buộc)').fill('Cổng xanh, đối diện nhà văn hóa');
  await page.getByLabel('Nằm liệt giường').check();
  await page.getByLabel('Thứ Hai').check();
  await page.getByLabel('Thứ Tư').check();
  await page.getByLabel('Buổi sáng').check();
  await page.getByLabel('Họ và tên của bạn').fill('Trần Văn Hùng');
  await page.getByLabel('Số điện thoại di động').fill('0905 123 456');
  await page.getByLabel('Bạn là gì của người cần làm thẻ?').selectOption({ label: 'Con' });
  await page.getByLabel(/Tôi đồng ý, thay mặt người cần làm thẻ/).check();
}
