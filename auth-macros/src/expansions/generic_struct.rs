::core::compile_error! {
    "a login endpoint cannot be generic; give its fields concrete types"
}
pub struct Login<T> {
    email: T,
    password: Option<Secret>,
}
#[automatically_derived]
impl<T> ::core::fmt::Debug for Login<T> {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        __f.write_str(::core::stringify!(Login))
    }
}
impl<T> Login<T> {
    /// Starts building this login request (this declaration has mistakes, see the
    /// errors).
    pub fn builder() -> LoginBuilder<T> {
        LoginBuilder {
            __declaration: ::core::marker::PhantomData,
        }
    }
    /// Logs in (this declaration has mistakes, see the errors).
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub async fn send(
        &self,
        client: &::auth_core::LoginClient,
    ) -> ::core::result::Result<
        ::auth_core::Session<LoginResponse>,
        ::auth_core::AuthError,
    > {
        let _ = client;
        ::core::unreachable!()
    }
    /// Logs in (this declaration has mistakes, see the errors).
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub async fn send_to(
        &self,
        client: &::auth_core::LoginClient,
        base_url: &str,
    ) -> ::core::result::Result<
        ::auth_core::Session<LoginResponse>,
        ::auth_core::AuthError,
    > {
        let _ = (client, base_url);
        ::core::unreachable!()
    }
}
/// A stand-in builder: this declaration has mistakes, see the errors.
pub struct LoginBuilder<T> {
    __declaration: ::core::marker::PhantomData<fn() -> Login<T>>,
}
impl<T> LoginBuilder<T> {
    #[doc(hidden)]
    pub fn email<__V>(self, value: __V) -> Self {
        let _ = value;
        self
    }
    #[doc(hidden)]
    pub fn password<__V>(self, value: __V) -> Self {
        let _ = value;
        self
    }
    #[doc(hidden)]
    pub fn maybe_password<__V>(self, value: __V) -> Self {
        let _ = value;
        self
    }
    /// Builds the request (this declaration has mistakes, see the errors).
    pub fn build(self) -> Login<T> {
        ::core::unreachable!()
    }
}
#[allow(dead_code, unused_variables, unreachable_code, non_snake_case)]
const _: () = {
    fn __response(__response: &LoginResponse) {
        let _: ::auth_core::__private::BodyValues<'_> = ::auth_core::__private::BodyValues {
            token: {
                let __v = &__response.token;
                ::auth_core::fields::TokenField::token(__v)
            },
            refresh_token: ::core::option::Option::None,
            expiry: ::auth_core::__private::ExpiryValue::Absent,
            refresh_expiry: ::auth_core::__private::ExpiryValue::Absent,
        };
        let _: bool = false;
    }
    fn __decode(__body: &[u8]) {
        let _ = <LoginResponse as ::auth_core::ResponseBody>::__decode(__body);
    }
};
