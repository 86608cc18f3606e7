import { uploadMediaOrigins, uploadProviderConfig } from '../../../../src/lib/uploads/s3-provider';

const s3 = { UPLOAD_PROVIDER: 's3', S3_BUCKET: 'media', S3_REGION: 'eu-west-1', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };

describe('upload provider from the environment', () => {
  it('keeps local disk by default', () => {
    expect(uploadProviderConfig({})).toBeNull();
    expect(uploadProviderConfig({ UPLOAD_PROVIDER: 'local' })).toBeNull();
    expect(uploadMediaOrigins({})).toEqual([]);
  });

  it('builds the aws-s3 provider, with a public-read ACL unless S3_ACL is emptied', () => {
    const config = uploadProviderConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', S3_PUBLIC_URL: 'https://cdn.example.com/media' })!;
    expect(config.provider).toBe('aws-s3');
    expect(config.providerOptions.baseUrl).toBe('https://cdn.example.com/media');
    expect(config.providerOptions.s3Options).toMatchObject({ region: 'eu-west-1', endpoint: 'http://minio:9000', forcePathStyle: true, params: { Bucket: 'media', ACL: 'public-read' } });
    expect(uploadProviderConfig({ ...s3, S3_ACL: '' })!.providerOptions.s3Options.params).toEqual({ Bucket: 'media' });
    expect(uploadProviderConfig(s3)!.providerOptions.s3Options.forcePathStyle).toBe(false);
  });

  it('names every missing variable and refuses unknown providers', () => {
    expect(() => uploadProviderConfig({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'media' })).toThrow('UPLOAD_PROVIDER=s3 needs S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY');
    expect(() => uploadProviderConfig({ UPLOAD_PROVIDER: 'ftp' })).toThrow(/"local" or "s3"/);
  });

  it('lists the media origins the admin may load from', () => {
    expect(uploadMediaOrigins({ ...s3, S3_PUBLIC_URL: 'https://cdn.example.com/media', S3_ENDPOINT: 'http://minio:9000' })).toEqual(['https://cdn.example.com', 'http://minio:9000']);
    expect(uploadMediaOrigins(s3)).toEqual(['https://media.s3.eu-west-1.amazonaws.com']);
  });
});
