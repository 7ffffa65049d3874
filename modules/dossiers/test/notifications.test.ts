import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeMessage, DossierNotifier, EmailSender, LoggingShortMessageSender, maskPhone, NotificationKind, type NotificationData, portalConfigFromEnv,
  smtpConfigFromEnv, vnDateTime,
} from '@motcua/dossiers/contract';
import { randomBytes } from 'node:crypto';
import { ratingUrlFromEnv } from '@motcua/dossiers';
import { RATING_LINK_DAYS, signRatingToken, verifyRatingToken } from '@motcua/evaluation/contract';
import { startSmtp, type TestSmtpServer } from './support/smtp.js';

const COMMON = {
  applicantName: 'Nguyễn Thị Hồng Ánh', dossierCode: '000.00.06.H56-260302-0007', procedureName: 'Cấp đổi giấy phép lái xe',
  agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa', trackingUrl: 'https://motcua.example.vn/tra-cuu?ma=000.00.06.H56-260302-0007',
};
const DUE = new Date('2026-03-09T10:00:00Z');

const CASES: Array<[NotificationData, string, string]> = [
  [{ ...COMMON, kind: NotificationKind.RECEIVED, receivedAt: new Date('2026-03-02T02:15:00Z'), dueAt: DUE }, 'Đã tiếp nhận hồ sơ 000.00.06.H56-260302-0007', `Thời gian hẹn trả kết quả: ${vnDateTime(DUE)}`],
  // A boundary-free dossier lodged at another desk: the appointment comes when the competent agency receives it.
  [{ ...COMMON, kind: NotificationKind.RECEIVED, receivedAt: new Date('2026-03-06T08:30:00Z'), dueAt: null }, 'Đã tiếp nhận hồ sơ 000.00.06.H56-260302-0007', 'Thời gian hẹn trả kết quả sẽ được thông báo khi cơ quan có thẩm quyền nhận được hồ sơ.'],
  [{ ...COMMON, kind: NotificationKind.SUPPLEMENT_REQUESTED, items: ['Giấy khám sức khỏe còn hạn', 'Ảnh chân dung 3x4'] }, 'Yêu cầu bổ sung, hoàn thiện hồ sơ 000.00.06.H56-260302-0007', '2. Ảnh chân dung 3x4'],
  [{ ...COMMON, kind: NotificationKind.APOLOGY_ISSUED, reason: 'Cần xác minh với Công an tỉnh', newDueAt: new Date('2026-03-12T10:00:00Z') }, 'Thư xin lỗi về việc chậm giải quyết hồ sơ 000.00.06.H56-260302-0007', 'Lý do: Cần xác minh với Công an tỉnh'],
  [{ ...COMMON, kind: NotificationKind.RESULT_READY, returnPlace: 'Quầy số 5, Trung tâm Phục vụ hành chính công' }, 'Đã có kết quả giải quyết hồ sơ 000.00.06.H56-260302-0007', 'Mời ông/bà nhận kết quả tại: Quầy số 5'],
];

describe('notifications by e-mail through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let mailer: EmailSender;
  const logged: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = new EmailSender({ host: '127.0.0.1', port: smtp.port, secure: false, from: '"Trung tâm PVHCC Thanh Hóa" <motcua@thanhhoa.example.vn>' });
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
  });

  it.each(CASES)('$kind: subject, recipient and Vietnamese body arrive intact', async (data, subject, line) => {
    const notifier = new DossierNotifier(mailer, [new LoggingShortMessageSender('SMS', { info: (fields) => logged.push(fields as never) })]);
    const before = smtp.mails.length;
    const report = await notifier.notify({ email: 'anh.nguyen@example.vn', phone: '0912345678' }, data);
    expect(report).toMatchObject({ email: expect.any(String), short: [{ channel: 'SMS' }] });
    const mail = smtp.mails[before];
    expect(smtp.envelopes[before]).toEqual(['anh.nguyen@example.vn']);
    expect(mail.subject).toBe(subject);
    expect(mail.from?.value[0]).toMatchObject({ name: 'Trung tâm PVHCC Thanh Hóa', address: 'motcua@thanhhoa.example.vn' });
    expect(mail.text).toContain('Kính gửi ông/bà Nguyễn Thị Hồng Ánh,');
    expect(mail.text).toContain(line);
    expect(mail.text).toContain(COMMON.trackingUrl);
    expect(mail.html).toContain('Nguyễn Thị Hồng Ánh');
  });

  it('sends the short text unaccented and logs the phone number masked', () => {
    expect(logged).toHaveLength(CASES.length);
    for (const entry of logged) {
      expect(entry.to).toBe('*******678');
      expect(String(entry.text)).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(logged[0].text).toContain('Ho so 000.00.06.H56-260302-0007 da duoc tiep nhan');
  });

  it('the result-ready mail carries the signed rating link <site>/admin/danh-gia/<token>, which the evaluation module accepts', async () => {
    const secret = randomBytes(32);
    const dossierId = '0193f2a0-0000-7000-8000-000000000001';
    const now = new Date('2026-03-06T03:00:00Z');
    const token = signRatingToken(secret, dossierId, new Date(now.getTime() + RATING_LINK_DAYS * 86_400_000));
    const ratingUrl = ratingUrlFromEnv({ PUBLIC_SITE_URL: 'https://dichvucong.thanhhoa.gov.vn/' })(token);
    const before = smtp.mails.length;
    await new DossierNotifier(mailer, []).notify({ email: 'anh.nguyen@example.vn', phone: null }, { ...COMMON, kind: NotificationKind.RESULT_READY, returnPlace: 'Quầy số 5', ratingUrl });
    const link = /https:\/\/dichvucong\.thanhhoa\.gov\.vn\/admin\/danh-gia\/(\S+)/.exec(smtp.mails[before].text ?? '');
    expect(link).not.toBeNull();
    expect(verifyRatingToken(secret, decodeURIComponent(link![1]), now)).toBe(dossierId);
    expect(smtp.mails[before].text).toContain('đánh giá mức độ hài lòng');
  });

  it('skips channels the applicant has no address for', async () => {
    const before = smtp.mails.length;
    const report = await new DossierNotifier(mailer, [new LoggingShortMessageSender('ZALO', { info: () => undefined })]).notify({ phone: null, email: null }, CASES[0][0]);
    expect(report).toEqual({ short: [] });
    expect(smtp.mails.length).toBe(before);
  });
});

describe('notification texts', () => {
  it('escape HTML in user-typed text', () => {
    const message = composeMessage({ ...COMMON, kind: NotificationKind.APOLOGY_ISSUED, reason: '<script>x</script>', newDueAt: DUE });
    expect(message.html).not.toContain('<script>');
    expect(message.text).toContain('<script>x</script>');
  });

  it('mask phone numbers', () => expect(maskPhone('+84 912 345 678')).toBe('+** *** *** 678'));
});

describe('notification and portal settings from the environment', () => {
  it('are off when unset and refuse a bad number naming the variable', () => {
    expect(smtpConfigFromEnv({})).toBeNull();
    expect(portalConfigFromEnv({})).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_HOST: 'mail.example.vn' })).toMatchObject({ host: 'mail.example.vn', port: 587, secure: false });
    expect(portalConfigFromEnv({ NATIONAL_PORTAL_URL: 'https://dvc.example.vn/' })).toMatchObject({ baseUrl: 'https://dvc.example.vn', timeoutMs: 15_000 });
    expect(() => smtpConfigFromEnv({ SMTP_HOST: 'x', SMTP_PORT: 'abc' })).toThrow('SMTP_PORT must be a positive integer');
    expect(() => portalConfigFromEnv({ NATIONAL_PORTAL_URL: 'https://x', NATIONAL_PORTAL_TIMEOUT_MS: '-1' })).toThrow('NATIONAL_PORTAL_TIMEOUT_MS');
  });
});
