import { isRenderMode } from './renderMode';

describe('isRenderMode', () => {
  const watched = { search: '?orgId=1&panelId=3&theme=light', rendererChannel: undefined, authenticatedBy: 'password' };

  it('is off for a page someone watches, embedded or not', () => {
    expect(isRenderMode(watched)).toBe(false);
    expect(isRenderMode({ ...watched, search: '?kiosk&render=0' })).toBe(false);
  });

  it("is on for the image renderer's URL, its message channel or a render-key login", () => {
    expect(isRenderMode({ ...watched, search: '?orgId=1&panelId=3&width=1000&height=500&render=1' })).toBe(true);
    expect(isRenderMode({ ...watched, rendererChannel: () => undefined })).toBe(true);
    expect(isRenderMode({ ...watched, authenticatedBy: 'render' })).toBe(true);
  });
});
