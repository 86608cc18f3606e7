import { mustDownload } from '../../../../src/lib/security/upload-disposition';

describe('mustDownload', () => {
  it.each(['/uploads/a.html', '/uploads/a.HTM', '/uploads/logo.svg', '/uploads/x.xml', '/uploads/x.js', '/uploads/noext', '/uploads/.svg', '/uploads/a.jpg.html'])(
    'downloads %s',
    (path) => expect(mustDownload(path)).toBe(true),
  );

  it.each(['/uploads/photo.jpg', '/uploads/photo.JPEG', '/uploads/clip.mp4', '/uploads/doc.pdf', '/uploads/small_photo.webp?v=1'])(
    'shows %s inline',
    (path) => expect(mustDownload(path)).toBe(false),
  );
});
