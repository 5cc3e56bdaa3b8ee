import { publicRouteUrl } from '../src/lib/urls';

describe('public route links', () => {
  it('joins public URL, REST prefix and route, whatever slashes they carry', () => {
    expect(publicRouteUrl('http://localhost:1337', '/api', '/newsletter/confirm')).toBe(
      'http://localhost:1337/api/newsletter/confirm'
    );
    expect(publicRouteUrl('http://localhost:1337/', 'api/', 'newsletter/confirm')).toBe(
      'http://localhost:1337/api/newsletter/confirm'
    );
  });

  it('keeps a path prefix of the public URL and a changed REST prefix', () => {
    expect(
      publicRouteUrl('https://www.landkreis.example/bildung', '/rest/v1', '/newsletter/x?token=a')
    ).toBe('https://www.landkreis.example/bildung/rest/v1/newsletter/x?token=a');
  });
});
